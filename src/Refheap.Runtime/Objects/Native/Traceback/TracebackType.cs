using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Traceback;

/// <summary><c>traceback</c>: tracked; owns its frame and the next entry, so it keeps the stack it passed through alive.</summary>
internal sealed unsafe class TracebackType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public TracebackType(Heap heap)
        : base(heap, "traceback")
    {
    }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>A new entry for <paramref name="frame"/> in front of <paramref name="next"/> (may be null; both borrowed) (PyTraceBack_Here).</summary>
    public PyRef New(PyObject* next, PyObject* frame, int lasti, int line)
    {
        // 3.12 makes the frame object first (_PyFrame_GetFrameObject), then the entry.
        Heap.Types.Frame.Materialize(frame);
        var o = Heap.AllocObject(this, (nuint)sizeof(PyTracebackObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var tb = (PyTracebackObject*)o;
        Heap.XIncRef(next);
        tb->Next = next;
        Heap.IncRef(frame);
        tb->Frame = frame;
        tb->Lasti = lasti;
        tb->Line = line;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>The entry's fields.</summary>
    public static PyTracebackObject* Fields(PyObject* tb) => (PyTracebackObject*)tb;

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyTracebackObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var tb = (PyTracebackObject*)self;
        Heap.Gc.Untrack(self);
        Heap.ClearRef(ref tb->Next);
        Heap.ClearRef(ref tb->Frame);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var tb = (PyTracebackObject*)self;
        var r = tb->Next != null ? visit(tb->Next, arg) : 0;
        return r != 0 ? r : tb->Frame != null ? visit(tb->Frame, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self)
    {
        var tb = (PyTracebackObject*)self;
        Heap.ClearRef(ref tb->Next);
        Heap.ClearRef(ref tb->Frame);
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var tb = (PyTracebackObject*)self;
        switch (StrType.AsSpan(name))
        {
            case "tb_next":
                return tb->Next != null ? new PyRef(tb->Next).NewRef() : Heap.None;
            case "tb_frame":
                return tb->Frame != null ? new PyRef(tb->Frame).NewRef() : Heap.None;
            case "tb_lineno":
                return Heap.NewInt(tb->Line);
            case "tb_lasti":
                return Heap.NewInt(tb->Lasti * 2);
        }

        return base.GetAttr(self, name);
    }
}
