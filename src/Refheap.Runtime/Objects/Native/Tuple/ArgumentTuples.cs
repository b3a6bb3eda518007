namespace Refheap.Objects.Native.Tuple;

/// <summary>
/// The argument tuples of calls CPython makes without one (vectorcall: METH_O, METH_NOARGS,
/// METH_FASTCALL, the vectorcall of a type): Refheap's C# callables take their arguments as a
/// tuple, so such a call borrows one of these. They are not objects of the program: never
/// counted by the collector, never tracked, and between calls at count 0 on a stack of their
/// own, which the census and the heap walks read as free blocks (a full collection frees them). So such a call changes
/// neither <c>gc.get_count()</c> nor the tuple free lists, as in CPython, and allocates nothing.
/// </summary>
internal sealed unsafe class ArgumentTuples
{
    /// <summary>Tuples of up to this many items are kept for reuse; longer ones are made and freed per call (still uncounted).</summary>
    public const int MaxKeptSize = 8;

    // Enough for calls nested this deep through the same size (a builtin calling back into Python).
    private const int KeptPerSize = 64;

    private readonly Heap _heap;
    private readonly TupleType _tuple;

    // Per size, a stack of kept blocks (a plain array: this is on every such call's path).
    private readonly nint[][] _kept = new nint[MaxKeptSize + 1][];
    private readonly int[] _keptCount = new int[MaxKeptSize + 1];

    /// <summary>Creates the lists of <paramref name="heap"/>; a full collection frees the kept blocks, as it empties the free lists.</summary>
    public ArgumentTuples(Heap heap)
    {
        _heap = heap;
        _tuple = heap.Types.Tuple;
        for (var n = 0; n <= MaxKeptSize; n++)
        {
            _kept[n] = new nint[KeptPerSize];
        }

        heap.FreeLists.AddClearer(Clear);
    }

    /// <summary>
    /// A tuple of <paramref name="items"/> (each gets a new reference) for one call: pass it to
    /// the callable, then give it back with <see cref="Return"/>. Null with MemoryError set.
    /// </summary>
    public PyRef Rent(ReadOnlySpan<PyRef> items)
    {
        var n = items.Length;
        PyObject* o = null;
        if (n <= MaxKeptSize && _keptCount[n] > 0)
        {
            o = (PyObject*)_kept[n][--_keptCount[n]];
        }

        if (o == null)
        {
            o = _heap.AllocObject(_tuple, TupleType.AllocationSize(n), counted: false);
            if (o == null)
            {
                return PyRef.Null;
            }

            ((PyVarObject*)o)->Size = n;
        }

        o->RefCount = 1;
        var slots = TupleType.Items(o);
        for (var i = 0; i < n; i++)
        {
            slots[i] = items[i].NewRef().Ptr;
        }

        return new PyRef(o);
    }

    /// <summary>
    /// Takes back a tuple from <see cref="Rent"/> once its call returned: its items are
    /// released and it waits for the next call. A tuple the callable kept a reference to
    /// becomes an ordinary tuple (counted and tracked as if it had been made so) and is not reused.
    /// </summary>
    public void Return(PyRef t)
    {
        var o = t.Ptr;
        if (o->RefCount != 1)
        {
            // Kept by the callee: from now on the program owns it like any tuple.
            o->RefCount--;
            _heap.Gc.OnAllocate();
            _heap.Gc.Track(o);
            return;
        }

        var n = (int)TupleType.Size(o);
        var slots = TupleType.Items(o);
        for (var i = n - 1; i >= 0; i--)
        {
            var item = slots[i];
            slots[i] = null;
            Heap.DecRef(item);
        }

        // Invariant: at count 0 the block reads as free to the census and the heap walks.
        o->RefCount = 0;
        if (n <= MaxKeptSize && _keptCount[n] < KeptPerSize)
        {
            _kept[n][_keptCount[n]++] = (nint)o;
            return;
        }

        _heap.FreeObject(o, _tuple, TupleType.AllocationSize(n), counted: false);
    }

    // Frees every kept block (a full collection, heap teardown); they are never counted.
    private void Clear()
    {
        for (var n = 0; n <= MaxKeptSize; n++)
        {
            while (_keptCount[n] > 0)
            {
                _heap.FreeObject((PyObject*)_kept[n][--_keptCount[n]], _tuple, TupleType.AllocationSize(n), counted: false);
            }
        }
    }
}
