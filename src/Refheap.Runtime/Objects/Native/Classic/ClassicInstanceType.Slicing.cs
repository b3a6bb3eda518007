using Refheap.Objects.Native.Slice;

namespace Refheap.Objects.Native.Classic;

/// <summary>
/// 2.7's simple slicing of a classic instance, <c>o[i:j]</c> without a step (apply_slice,
/// assign_slice and instance_slice): with int (or missing, or <c>__index__</c>) bounds, a missing lower bound is 0
/// and a missing upper one sys.maxsize, a negative one gets <c>len(o)</c> added, and the
/// instance's <c>__getslice__(i, j)</c> (<c>__setslice__</c>, <c>__delslice__</c>) is called,
/// else <c>__getitem__(slice(i, j))</c> (<c>__setitem__</c>, <c>__delitem__</c>). Other bounds
/// go to <c>__getitem__</c> in a slice as they are.
/// </summary>
internal sealed unsafe partial class ClassicInstanceType
{
    /// <summary><c>self[lower:upper]</c> (either bound may be null: left out); new reference or null.</summary>
    public PyRef GetSimpleSlice(PyObject* self, PyObject* lower, PyObject* upper)
    {
        if (!SimpleSliceIndex.IsIndex(Heap, lower) || !SimpleSliceIndex.IsIndex(Heap, upper))
        {
            return WithSliceObject(lower, upper, s => Subscript(self, s));
        }

        if (!Bounds(self, lower, upper, out var i, out var j))
        {
            return PyRef.Null;
        }

        var method = FindMethod(self, "__getslice__");
        if (method.IsNull)
        {
            return Heap.ErrorOccurred ? method : WithIndexSlice(i, j, s => CallMethod(self, "__getitem__", new PyRef(s)));
        }

        var r = CallWithBounds(method, i, j, null);
        method.DecRef();
        return r;
    }

    /// <summary><c>self[lower:upper] = value</c>, or <c>del self[lower:upper]</c> when <paramref name="value"/> is null; 0 or -1.</summary>
    public int SetSimpleSlice(PyObject* self, PyObject* lower, PyObject* upper, PyObject* value)
    {
        PyRef r;
        if (!SimpleSliceIndex.IsIndex(Heap, lower) || !SimpleSliceIndex.IsIndex(Heap, upper))
        {
            r = WithSliceObject(lower, upper, s => SetItem(self, s, value) < 0 ? PyRef.Null : Heap.None);
        }
        else if (!Bounds(self, lower, upper, out var i, out var j))
        {
            return -1;
        }
        else
        {
            var method = FindMethod(self, value == null ? "__delslice__" : "__setslice__");
            if (!method.IsNull)
            {
                r = CallWithBounds(method, i, j, value);
                method.DecRef();
            }
            else if (Heap.ErrorOccurred)
            {
                return -1;
            }
            else
            {
                r = WithIndexSlice(i, j, s => value == null
                    ? CallMethod(self, "__delitem__", new PyRef(s))
                    : CallMethod(self, "__setitem__", new PyRef(s), new PyRef(value)));
            }
        }

        r.XDecRef();
        return r.IsNull ? -1 : 0;
    }

    /// <summary>The bounds as 2.7 passes them on: defaults 0 and sys.maxsize, big ints clamped, negatives plus <c>len(self)</c>; false with the error set.</summary>
    private bool Bounds(PyObject* self, PyObject* lower, PyObject* upper, out long i, out long j)
    {
        j = 0;
        if (!SimpleSliceIndex.TryGet(Heap, lower, 0, out i) || !SimpleSliceIndex.TryGet(Heap, upper, long.MaxValue, out j))
        {
            return false;
        }

        if (i >= 0 && j >= 0)
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

    private PyRef CallWithBounds(PyRef method, long i, long j, PyObject* value)
    {
        var first = Heap.NewInt(i);
        var second = first.IsNull ? PyRef.Null : Heap.NewInt(j);
        var args = second.IsNull ? PyRef.Null
            : value == null ? Heap.NewTuple(first, second) : Heap.NewTuple(first, second, new PyRef(value));
        first.XDecRef();
        second.XDecRef();
        if (args.IsNull)
        {
            return args;
        }

        var r = Heap.Call(method.Ptr, args.Ptr, null);
        args.DecRef();
        return r;
    }

    private delegate PyRef SliceUse(PyObject* slice);

    private PyRef WithIndexSlice(long i, long j, SliceUse use)
    {
        var first = Heap.NewInt(i);
        var second = first.IsNull ? PyRef.Null : Heap.NewInt(j);
        var r = second.IsNull ? PyRef.Null : WithSliceObject(first.Ptr, second.Ptr, use);
        first.XDecRef();
        second.XDecRef();
        return r;
    }

    private PyRef WithSliceObject(PyObject* lower, PyObject* upper, SliceUse use)
    {
        var slice = Heap.Types.Slice.New(lower, upper, null);
        if (slice.IsNull)
        {
            return slice;
        }

        var r = use(slice.Ptr);
        slice.DecRef();
        return r;
    }
}
