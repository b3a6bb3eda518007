namespace Refheap.Objects.Native.Methods;

/// <summary>The conversions built-in methods apply to their arguments, with CPython's errors per profile.</summary>
internal static unsafe class ArgumentConversions
{
    /// <summary>
    /// An integer argument (2.7 PyArg_ParseTuple's "n", 3.x __index__): false with TypeError
    /// ("an integer is required" / "'X' object cannot be interpreted as an integer") or
    /// OverflowError set.
    /// </summary>
    public static bool TryIndex(Heap heap, PyObject* o, out long value)
    {
        if (heap.IsInt(o))
        {
            if (heap.TryAsLong(o, out value))
            {
                return true;
            }

            heap.RaiseOverflowError("Python int too large to convert to C ssize_t");
            return false;
        }

        value = 0;
        if (heap.TryIndexSpecial(o, out var asInt))
        {
            var ok = !asInt.IsNull && TryIndex(heap, asInt.Ptr, out value);
            asInt.XDecRef();
            return ok;
        }

        var typeName = o->Type->Descriptor.Name;
        heap.RaiseTypeError(heap.Profile.Wording != ErrorWording.Cpython27
            ? $"'{typeName}' object cannot be interpreted as an integer"
            : heap.IsFloat(o) ? $"integer argument expected, got {typeName}" : "an integer is required");
        return false;
    }

    /// <summary>
    /// A start or end argument of a search (<c>list.index(x, start, end)</c>): null or None gives
    /// <paramref name="fallback"/>; a negative value counts from <paramref name="length"/> and the
    /// result is clamped to 0..length. False with TypeError set for a non-integer (and for None
    /// unless <paramref name="noneAllowed"/>: list.index refuses it, str.find takes it).
    /// </summary>
    public static bool TrySliceIndex(Heap heap, PyObject* o, long length, long fallback, bool noneAllowed, out long value)
    {
        value = fallback;
        if (o == null || (noneAllowed && o == heap.NoneObject))
        {
            return true;
        }

        if (!heap.IsInt(o))
        {
            heap.RaiseTypeError(noneAllowed
                ? "slice indices must be integers or None or have an __index__ method"
                : "slice indices must be integers or have an __index__ method");
            return false;
        }

        // A huge index clamps, as _PyEval_SliceIndex does.
        value = heap.TryAsLong(o, out var v) ? v : heap.AsBigInteger(o).Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2;
        if (value < 0)
        {
            value = Math.Max(0, value + length);
        }

        value = Math.Min(value, length);
        return true;
    }
}
