using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Slice;

namespace Refheap.Objects.Native.Instance;

/// <summary>
/// 2.7's simple slicing of a new-style instance, <c>o[i:j]</c> without a step (ceval's
/// apply_slice and assign_slice). A class gets the sq_slice slot when it (or a base) defines
/// <c>__getslice__</c> or derives from list, and sq_ass_slice when it has <c>__setslice__</c> or
/// <c>__delslice__</c> or derives from list. With such a slot and int bounds (missing ones, or
/// objects with <c>__index__</c>), the bounds become machine ints — a missing lower bound 0 and
/// a missing upper one sys.maxsize, longs clamped — a negative one gets <c>len(o)</c> added when
/// the class has a length, and the method is called with them (a list subclass that does not
/// define it slices as a list does, whatever its <c>__getitem__</c>). Otherwise, and for any
/// other bounds, the subscript gets a slice object.
/// </summary>
internal sealed unsafe partial class InstanceType
{
    /// <summary>
    /// <c>self[lower:upper]</c> through the sq_slice slot (either bound may be null: left out):
    /// false when 2.7 would not use it here; otherwise <paramref name="result"/> is the new
    /// reference, or null with the error set.
    /// </summary>
    public bool TryGetSimpleSlice(PyObject* self, PyObject* lower, PyObject* upper, out PyRef result)
    {
        result = PyRef.Null;
        var defined = ClassDefines(self, "__getslice__");
        if (!(defined || IsListBased) || !SimpleSliceIndex.IsIndex(Heap, lower) || !SimpleSliceIndex.IsIndex(Heap, upper))
        {
            return false;
        }

        if (!SliceBounds(self, lower, upper, out var i, out var j))
        {
            return true;
        }

        if (!defined)
        {
            // list_slice: the bounds clipped to the list, a new list.
            var length = ListType.Size(self);
            var start = Math.Clamp(i, 0, length);
            var stop = Math.Clamp(j, start, length);
            result = ListSlicing.Get(Heap, self, new SliceIndices((nint)start, (nint)stop, 1, (nint)(stop - start)));
            return true;
        }

        result = CallWithBounds(self, "__getslice__", i, j, null);
        return true;
    }

    /// <summary>
    /// <c>self[lower:upper] = value</c>, or <c>del self[lower:upper]</c> when
    /// <paramref name="value"/> is null, through the sq_ass_slice slot: false when 2.7 would not
    /// use it here; otherwise <paramref name="status"/> is 0, or -1 with the error set.
    /// </summary>
    public bool TrySetSimpleSlice(PyObject* self, PyObject* lower, PyObject* upper, PyObject* value, out int status)
    {
        status = 0;
        var hasSlot = ClassDefines(self, "__setslice__") || ClassDefines(self, "__delslice__");
        if (!(hasSlot || IsListBased) || !SimpleSliceIndex.IsIndex(Heap, lower) || !SimpleSliceIndex.IsIndex(Heap, upper))
        {
            return false;
        }

        if (!SliceBounds(self, lower, upper, out var i, out var j))
        {
            status = -1;
            return true;
        }

        if (!hasSlot)
        {
            // list_ass_slice: the bounds clipped to the list.
            var length = ListType.Size(self);
            var start = Math.Clamp(i, 0, length);
            var stop = Math.Clamp(j, start, length);
            status = ListSlicing.Assign(Heap, self, new SliceIndices((nint)start, (nint)stop, 1, (nint)(stop - start)), value);
            return true;
        }

        // slot_sq_ass_slice calls the method the operation names, wherever it is defined: a
        // class with only __setslice__ has no __delslice__ (AttributeError).
        var name = value == null ? "__delslice__" : "__setslice__";
        if (!ClassDefines(self, name))
        {
            Heap.Raise(Heap.Types.Exceptions.AttributeError, name);
            status = -1;
            return true;
        }

        var r = CallWithBounds(self, name, i, j, value);
        r.XDecRef();
        status = r.IsNull ? -1 : 0;
        return true;
    }

    private bool IsListBased => Layout.SolidBase == Heap.Types.List;

    /// <summary>
    /// _PyEval_SliceIndex for both bounds, then PySequence_GetSlice's adjustment: a negative
    /// bound gets the length added when the class has one (<c>__len__</c>, or list's). False
    /// with the error set when <c>__index__</c> or <c>__len__</c> failed.
    /// </summary>
    private bool SliceBounds(PyObject* self, PyObject* lower, PyObject* upper, out long i, out long j)
    {
        j = 0;
        if (!SimpleSliceIndex.TryGet(Heap, lower, 0, out i) || !SimpleSliceIndex.TryGet(Heap, upper, long.MaxValue, out j))
        {
            return false;
        }

        if ((i >= 0 && j >= 0) || !(IsListBased || ClassDefines(self, "__len__")))
        {
            return true;
        }

        var n = Length(self);
        if (n < 0)
        {
            return false;
        }

        i = i < 0 ? i + n : i;
        j = j < 0 ? j + n : j;
        return true;
    }

    /// <summary>call_method(self, name, "(nn)" or "(nnO)"): a new reference or null.</summary>
    private PyRef CallWithBounds(PyObject* self, string name, long i, long j, PyObject* value)
    {
        var first = Heap.NewInt(i);
        var second = first.IsNull ? PyRef.Null : Heap.NewInt(j);
        PyRef result = PyRef.Null;
        if (!second.IsNull)
        {
            if (value == null)
            {
                CallSpecial(self, name, out result, (nint)first.Ptr, (nint)second.Ptr);
            }
            else
            {
                CallSpecial(self, name, out result, (nint)first.Ptr, (nint)second.Ptr, (nint)value);
            }
        }

        first.XDecRef();
        second.XDecRef();
        return result;
    }
}
