using Refheap.Gc;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// The keyword dicts of calls CPython makes without one (3.x's METH_FASTCALL | METH_KEYWORDS
/// takes the keyword names and values where they are): Refheap's C# callables take keywords as
/// a dict, so such a call borrows one of these. Like <see cref="Tuple.ArgumentTuples"/>, they
/// are not objects of the program: never counted by the collector, untracked, and between
/// calls at count 0, empty, on a stack of their own (a full collection frees them).
/// </summary>
internal sealed unsafe class KeywordDicts
{
    // Enough for calls with keywords nested this deep (a builtin calling back into Python).
    private const int Kept = 32;

    private readonly Heap _heap;
    private readonly DictType _dict;
    private readonly nint[] _kept = new nint[Kept];
    private int _keptCount;

    /// <summary>Creates the stack of <paramref name="heap"/>.</summary>
    public KeywordDicts(Heap heap)
    {
        _heap = heap;
        _dict = heap.Types.Dict;
        heap.FreeLists.AddClearer(Clear);
    }

    /// <summary>
    /// A dict of the keyword arguments <paramref name="names"/> (a tuple of str) and
    /// <paramref name="values"/> (borrowed) for one call: a new reference to give back with
    /// <see cref="Return"/>, or null with the error set.
    /// </summary>
    public PyRef Rent(PyObject* names, ReadOnlySpan<PyRef> values)
    {
        PyObject* d;
        if (_keptCount > 0)
        {
            d = (PyObject*)_kept[--_keptCount];
        }
        else
        {
            // A zeroed block is an empty dict (DictType.New makes new ones so).
            d = _heap.AllocObject(_dict, _dict.ObjectSize, counted: false);
            if (d == null)
            {
                return PyRef.Null;
            }
        }

        d->RefCount = 1;
        for (var i = 0; i < values.Length; i++)
        {
            if (_dict.SetItem(d, Tuple.TupleType.Item(names, i), values[i].Ptr) < 0)
            {
                Return(new PyRef(d));
                return PyRef.Null;
            }
        }

        // Inserting a container tracks a dict; this one is no object of the program.
        _heap.Gc.Untrack(d);
        return new PyRef(d);
    }

    /// <summary>
    /// Takes back a dict from <see cref="Rent"/> once its call returned: emptied, it waits for
    /// the next call. A dict the callable kept a reference to becomes an ordinary dict (counted
    /// and tracked as if it had been made so) and is not reused.
    /// </summary>
    public void Return(PyRef dict)
    {
        var d = dict.Ptr;
        if (d->RefCount != 1)
        {
            d->RefCount--;
            _heap.Gc.OnAllocate();
            _heap.Gc.Track(d);
            return;
        }

        _dict.ClearContents(d);

        // Invariant: at count 0, every field after the header zero, the block is a free empty dict.
        d->RefCount = 0;
        GcHead.Of(d)->Prev = 0;
        new Span<byte>((byte*)d + sizeof(PyObject), (int)_dict.ObjectSize - sizeof(PyObject)).Clear();
        if (_keptCount < Kept)
        {
            _kept[_keptCount++] = (nint)d;
            return;
        }

        _heap.FreeObject(d, _dict, _dict.ObjectSize, counted: false);
    }

    // Frees every kept block (a full collection, heap teardown); they are never counted.
    private void Clear()
    {
        while (_keptCount > 0)
        {
            _heap.FreeObject((PyObject*)_kept[--_keptCount], _dict, _dict.ObjectSize, counted: false);
        }
    }
}
