namespace Refheap.Objects.Native.Iterators;

/// <summary>
/// The iterator of sets and frozensets (2.7 setiterator, 3.x set_iterator). A set whose size
/// changed between steps raises RuntimeError "Set changed size during iteration" (and keeps
/// raising it).
/// </summary>
internal sealed unsafe class SetIteratorType : IteratorType
{
    /// <summary>Creates the descriptor.</summary>
    public SetIteratorType(Heap heap, string name)
        : base(heap, name)
    {
    }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>A new iterator over <paramref name="set"/> (borrowed): a new reference, or null with MemoryError set.</summary>
    public PyRef New(PyObject* set)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PySetIteratorObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var it = (PySetIteratorObject*)o;
        Heap.IncRef(set);
        it->Set = set;
        it->Used = Heap.Types.Set.Count(set);
        it->Len = it->Used;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PySetIteratorObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Heap.ClearRef(ref ((PySetIteratorObject*)self)->Set);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var set = ((PySetIteratorObject*)self)->Set;
        return set != null ? visit(set, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => Heap.ClearRef(ref ((PySetIteratorObject*)self)->Set);

    /// <inheritdoc/>
    public override PyRef IterNext(PyObject* self)
    {
        var it = (PySetIteratorObject*)self;
        var s = it->Set;
        if (s == null)
        {
            return PyRef.Null;
        }

        var sets = Heap.Types.Set;
        if (it->Used != sets.Count(s))
        {
            it->Used = -1;
            return Heap.Raise(Heap.Types.Exceptions.RuntimeError, "Set changed size during iteration");
        }

        var pos = it->Pos;
        if (pos < 0 || !sets.Next(s, ref pos, out var key))
        {
            it->Pos = -1;
            Heap.ClearRef(ref it->Set);
            return PyRef.Null;
        }

        it->Pos = pos;
        it->Len--;
        return new PyRef(key).NewRef();
    }

    /// <inheritdoc/>
    public override nint LengthHint(PyObject* self)
    {
        var it = (PySetIteratorObject*)self;
        return it->Set != null && it->Used == Heap.Types.Set.Count(it->Set) ? it->Len : 0;
    }
}
