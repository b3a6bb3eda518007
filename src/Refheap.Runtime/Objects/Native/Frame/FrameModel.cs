namespace Refheap.Objects.Native.Frame;

/// <summary>
/// How the profile's CPython allocates frames, as far as <c>gc.get_count()</c> and
/// <c>gc.get_objects()</c> can tell.
/// </summary>
/// <remarks>
/// CPython 2.7 (Objects/frameobject.c): every frame is a tracked object from GC malloc; a dead
/// frame first becomes its code object's "zombie frame" (reused by the code's next call), else
/// goes on a free list of 200, and only beyond that is freed — reuse and recycling do not move
/// the collector's count. CPython 3.12 runs frames in the thread's data stack: a frame object
/// (counted as an allocation) exists only once something asks for it — a traceback entry,
/// <c>f_back</c>, <c>gi_frame</c>. Refheap's frames are always heap blocks (the evaluator
/// needs their slots) and are recycled in both profiles; what differs is what is counted.
/// </remarks>
internal sealed class FrameModel
{
    private FrameModel(bool countsEveryFrame)
    {
        CountsEveryFrame = countsEveryFrame;
    }

    /// <summary>2.7: every new frame block is a counted GC allocation; 3.12: only a frame made visible as an object.</summary>
    public bool CountsEveryFrame { get; }

    /// <summary>
    /// 3.12: a generator's frame is part of the generator (its <c>_PyInterpreterFrame</c> lives
    /// in the generator's memory), so the collector never sees it as an object of its own: the
    /// generator's traversal visits what the frame holds, and a frame object made for it
    /// (<c>gi_frame</c>, a traceback) stays untracked until the generator lets go of the frame
    /// while something else still holds it. 2.7: the frame is a tracked object the generator owns.
    /// </summary>
    public bool GeneratorEmbedsFrame => !CountsEveryFrame;

    /// <summary>
    /// 3.12: closing a generator that never started only marks it finished (gen_close), so its
    /// frame keeps the arguments until the generator dies; 2.7 throws GeneratorExit into the
    /// frame, which ends and releases them.
    /// </summary>
    public bool CloseKeepsUnstartedFrame => !CountsEveryFrame;

    /// <summary>
    /// 3.12: reading <c>f_locals</c> or calling <c>locals()</c> collects the hidden fast locals
    /// of module and class code (the variables of a running inlined comprehension, PEP 709) in
    /// a dict of their own, made at every read, and answers a new dict of the namespace and
    /// them while there are any (_PyFrame_GetLocals with include_hidden). 2.7 has no hidden locals.
    /// </summary>
    public bool LocalsIncludeHidden => !CountsEveryFrame;

    /// <summary>Dead frames kept for reuse besides the code objects' zombie frames (2.7's PyFrame_MAXFREELIST).</summary>
    public int FreeListCapacity => 200;

    /// <summary>The model of <paramref name="profile"/>.</summary>
    public static FrameModel Of(Profile profile) => new(profile.Name == Profile.Py27.Name);
}
