using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Tuple;

/// <summary>The methods of <c>tuple</c>: index (with start and end) and count.</summary>
internal static unsafe class TupleMethods
{
    /// <summary>The methods, for a heap's profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap) =>
    [
        new("index", heap.Profile.Wording == ErrorWording.Cpython27 ? ArgumentSpec.Takes(1, 3) : ArgumentSpec.Expect(1, 3), Index),
        new("count", ArgumentSpec.One, Count),
    ];

    private static PyRef Index(Heap heap, PyObject* self, MethodArgs a)
    {
        var n = TupleType.Size(self);
        if (!ArgumentConversions.TrySliceIndex(heap, a[1], n, 0, noneAllowed: false, out var start)
            || !ArgumentConversions.TrySliceIndex(heap, a[2], n, n, noneAllowed: false, out var stop))
        {
            return PyRef.Null;
        }

        for (var i = (nint)start; i < stop; i++)
        {
            var r = heap.CompareForSearch(TupleType.Item(self, i), a[0]);
            if (r != 0)
            {
                return r > 0 ? heap.NewInt(i) : PyRef.Null;
            }
        }

        return heap.RaiseValueError("tuple.index(x): x not in tuple");
    }

    private static PyRef Count(Heap heap, PyObject* self, MethodArgs a)
    {
        long count = 0;
        for (nint i = 0; i < TupleType.Size(self); i++)
        {
            var r = heap.CompareForSearch(TupleType.Item(self, i), a[0]);
            if (r < 0)
            {
                return PyRef.Null;
            }

            count += r;
        }

        return heap.NewInt(count);
    }
}
