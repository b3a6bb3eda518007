using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Range;

/// <summary>3.x range's methods: index and count (2.7's xrange has none).</summary>
internal static unsafe class RangeMethods
{
    /// <summary>The methods, for a heap's profile: none for 2.7.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap) =>
        heap.Types.Iterators.Behaviour.RangeIsFullSequence
            ?
            [
                new("index", ArgumentSpec.One, Index),
                new("count", ArgumentSpec.One, Count),
            ]
            : [];

    private static PyRef Index(Heap heap, PyObject* self, MethodArgs a)
    {
        if (IsExactInt(heap, a[0]))
        {
            if (heap.TryAsLong(a[0], out var v) && RangeType.IndexOf(self, v) is var i && i >= 0)
            {
                return heap.NewInt(i);
            }

            var repr = heap.ReprString(a[0]);
            return heap.RaiseValueError($"{repr} is not in range");
        }

        // Anything else is searched by comparison (3.0 is found at 3).
        long index = 0;
        var found = heap.ForEach(self, item =>
        {
            var r = heap.CompareForSearch((PyObject*)item, a[0]);
            index += r == 0 ? 1 : 0;
            return r;
        });
        return found switch
        {
            1 => heap.NewInt(index),
            0 => heap.RaiseValueError("sequence.index(x): x not in sequence"),
            _ => PyRef.Null,
        };
    }

    private static PyRef Count(Heap heap, PyObject* self, MethodArgs a)
    {
        if (IsExactInt(heap, a[0]))
        {
            return heap.NewInt(heap.TryAsLong(a[0], out var v) && RangeType.IndexOf(self, v) >= 0 ? 1 : 0);
        }

        long count = 0;
        var status = heap.ForEach(self, item =>
        {
            var r = heap.CompareForSearch((PyObject*)item, a[0]);
            count += r > 0 ? 1 : 0;
            return r < 0 ? -1 : 0;
        });
        return status < 0 ? PyRef.Null : heap.NewInt(count);
    }

    private static bool IsExactInt(Heap heap, PyObject* o) => o->Type == heap.Types.Int.TypeObject || o->Type == heap.Types.Bool.TypeObject;
}
