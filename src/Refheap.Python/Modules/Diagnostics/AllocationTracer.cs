using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>
/// tracemalloc's recorder for one program: while on, the heap's allocation observer records,
/// for each object allocated, the Python frames running (most recent first, at most
/// <see cref="FrameLimit"/>), and the evaluator keeps each frame's current instruction
/// stored so the line is the one running. Nothing is recorded on free: a trace whose object
/// is gone is dropped when the traces are read (only live objects are reported), and a
/// block reused by a new object gets the new object's trace.
/// </summary>
internal sealed class AllocationTracer
{
    private readonly Interpreter _interpreter;
    private readonly Dictionary<nint, (string File, int Line)[]> _traces = [];
    private bool _suppressed;

    /// <summary>A recorder for <paramref name="interpreter"/>'s program.</summary>
    public AllocationTracer(Interpreter interpreter) => _interpreter = interpreter;

    /// <summary>Whether allocations are being traced.</summary>
    public bool IsTracing { get; private set; }

    /// <summary>The frames kept per allocation (tracemalloc's traceback limit; 1 until <see cref="Start"/> says otherwise).</summary>
    public int FrameLimit { get; private set; } = 1;

    /// <summary>The highest total size of the live traced objects measured since tracing started or the traces were cleared.</summary>
    public long Peak { get; private set; }

    private ObjectApi Api => _interpreter.Api;

    /// <summary>Starts tracing, keeping <paramref name="frames"/> frames per allocation.</summary>
    public void Start(int frames)
    {
        FrameLimit = frames;
        if (IsTracing)
        {
            return;
        }

        IsTracing = true;
        _interpreter.TracesAllocations = true;
        Api.Heap.AllocationObserver = Record;
    }

    /// <summary>Stops tracing and forgets the traces, as tracemalloc.stop() does.</summary>
    public void Stop()
    {
        if (IsTracing)
        {
            Api.Heap.AllocationObserver = null;
            _interpreter.TracesAllocations = false;
            IsTracing = false;
        }

        Clear();
    }

    /// <summary>Forgets the traces and the peak.</summary>
    public void Clear()
    {
        _traces.Clear();
        Peak = 0;
    }

    /// <summary>The live traced objects (borrowed) with their size and allocation frames (most recent first); updates the peak.</summary>
    public List<(PyRef Object, long Size, (string File, int Line)[] Frames)> LiveTraces()
    {
        var result = new List<(PyRef, long, (string, int)[])>();
        long total = 0;
        foreach (var o in Api.LiveObjects())
        {
            // 3.12 keeps frames on its own stack, not as objects tracemalloc would see.
            if (_traces.TryGetValue(o.Address, out var frames) && ObjectApi.ShortTypeName(o) != "frame")
            {
                var size = Api.SizeOfObject(o);
                total += size;
                result.Add((o, size, frames));
            }
        }

        Peak = Math.Max(Peak, total);
        return result;
    }

    /// <summary>The frames that allocated <paramref name="o"/> (most recent first), or null when it was not traced.</summary>
    public (string File, int Line)[]? FramesOf(PyRef o) => IsTracing ? _traces.GetValueOrDefault(o.Address) : null;

    /// <summary>Runs <paramref name="build"/> with recording off: tracemalloc's own results are not traced, as CPython's are not.</summary>
    public T Untraced<T>(Func<T> build)
    {
        var suppressed = _suppressed;
        _suppressed = true;
        try
        {
            return build();
        }
        finally
        {
            _suppressed = suppressed;
        }
    }

    private void Record(nint address)
    {
        if (_suppressed)
        {
            // The block may have held a traced object: it is not that object any more.
            _traces.Remove(address);
            return;
        }

        var limit = FrameLimit;
        var frames = new List<(string, int)>(limit);
        for (var f = _interpreter.CurrentFrame; !f.IsNull && frames.Count < limit; f = ObjectApi.FrameBack(f))
        {
            var code = ObjectApi.FrameCode(f);
            frames.Add((ObjectApi.CodeFileName(code), ObjectApi.CodeLine(code, ObjectApi.FramePc(f))));
        }

        if (frames.Count == 0)
        {
            frames.Add(("<unknown>", 0));
        }

        _traces[address] = [.. frames];
    }
}
