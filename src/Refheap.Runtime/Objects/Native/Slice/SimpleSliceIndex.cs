namespace Refheap.Objects.Native.Slice;

/// <summary>
/// The bounds of 2.7's simple slice <c>o[i:j]</c> (ceval's ISINDEX and _PyEval_SliceIndex),
/// shared by classic and new-style instances.
/// </summary>
internal static unsafe class SimpleSliceIndex
{
    /// <summary>
    /// ISINDEX: a missing bound, an int or long, or an object with nb_index — a new-style
    /// instance whose class has <c>__index__</c>, or any classic instance (its type has the
    /// slot whether or not the class defines the method). None is not one.
    /// </summary>
    public static bool IsIndex(Heap heap, PyObject* bound)
    {
        if (bound == null || heap.IsInt(bound) || bound->Type->Descriptor is Classic.ClassicInstanceType)
        {
            return true;
        }

        if (!bound->Type->Descriptor.IsHeapType)
        {
            return false;
        }

        var name = heap.InternString("__index__"); // interned: borrowed
        return !name.IsNull && Type.TypeType.Lookup(bound->Type, name.Ptr) != null;
    }

    /// <summary>
    /// _PyEval_SliceIndex of a bound <see cref="IsIndex"/> accepted: <paramref name="missing"/>
    /// when left out, a long clamped to a machine int, <c>__index__</c>'s result (clamped)
    /// otherwise. False with the error set when <c>__index__</c> failed or is missing.
    /// </summary>
    public static bool TryGet(Heap heap, PyObject* bound, long missing, out long value)
    {
        value = missing;
        if (bound == null)
        {
            return true;
        }

        if (heap.IsInt(bound))
        {
            value = Clamped(heap, bound);
            return true;
        }

        if (!heap.TryIndexSpecial(bound, out var index))
        {
            // instance_index of a classic instance without __index__.
            heap.RaiseTypeError("object cannot be interpreted as an index");
            return false;
        }

        if (index.IsNull)
        {
            return false;
        }

        value = Clamped(heap, index.Ptr);
        index.DecRef();
        return true;
    }

    private static long Clamped(Heap heap, PyObject* integer) =>
        heap.TryAsLong(integer, out var v) ? v : heap.AsBigInteger(integer).Sign < 0 ? long.MinValue : long.MaxValue;
}
