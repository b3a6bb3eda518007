using Refheap.Objects.Native.Iterators;

namespace Refheap.Objects.Native.Range;

/// <summary>The iterator of range / xrange, forwards or (for <c>reversed()</c>) backwards: start, step and count.</summary>
internal sealed unsafe class RangeIteratorType : IteratorType
{
    /// <summary>Creates the descriptor.</summary>
    public RangeIteratorType(Heap heap, string name)
        : base(heap, name)
    {
    }

    /// <summary>A new iterator giving <paramref name="length"/> values from <paramref name="start"/> by <paramref name="step"/>: a new reference, or null with MemoryError set.</summary>
    public PyRef New(long start, long step, long length)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyRangeIteratorObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var it = (PyRangeIteratorObject*)o;
        it->Start = start;
        it->Step = step;
        it->Length = length;
        return new PyRef(o);
    }

    /// <inheritdoc/>
    /// <remarks>2.7's rangeiterator has an index field (48 bytes); 3.x's counts its length down instead (40).</remarks>
    public override nuint SizeOf(PyObject* self) =>
        Behaviour.RangeIsFullSequence ? (nuint)sizeof(PyRangeIteratorObject) - 8 : (nuint)sizeof(PyRangeIteratorObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self) => Heap.FreeObject(self, this, (nuint)sizeof(PyRangeIteratorObject));

    /// <inheritdoc/>
    public override PyRef IterNext(PyObject* self)
    {
        var it = (PyRangeIteratorObject*)self;
        if (it->Index >= it->Length)
        {
            return PyRef.Null;
        }

        var value = it->Start + (it->Index * it->Step);
        it->Index++;
        return Heap.NewInt(value);
    }

    /// <inheritdoc/>
    public override nint LengthHint(PyObject* self)
    {
        var it = (PyRangeIteratorObject*)self;
        return (nint)(it->Length - it->Index);
    }
}
