using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Object;

namespace Refheap.Objects.Native.Type;

/// <summary>
/// The slot wrappers of <c>type</c> itself: 2.7's six comparisons (type_richcompare), which a
/// class reaches through its metatype when its own MRO has none (<c>object.__eq__</c> is
/// <c>&lt;method-wrapper '__eq__' of type object&gt;</c> there). 3.12's <c>type</c> has none:
/// its classes find <c>object</c>'s.
/// </summary>
internal static unsafe class TypeMethods
{
    /// <summary>The methods, for <paramref name="heap"/>'s profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        List<BuiltinMethod> methods = [];
        if (heap.Profile.IntPromotesToLong)
        {
            for (var i = 0; i < ObjectMethods.CompareNames.Length; i++)
            {
                var op = (CompareOp)i;
                methods.Add(new(ObjectMethods.CompareNames[i], ArgumentSpec.Wrapper(1), (h, self, a) => RichCompare(h, self, a[0], op)));
            }
        }

        return methods;
    }

    /// <summary>
    /// 2.7's type_richcompare: two types compare by address (only <c>==</c> and <c>!=</c> mean
    /// anything); anything else is NotImplemented. New reference.
    /// </summary>
    private static PyRef RichCompare(Heap heap, PyObject* self, PyObject* other, CompareOp op)
    {
        if (!Heap.IsInstance(self, heap.Types.Type) || !Heap.IsInstance(other, heap.Types.Type))
        {
            return heap.NotImplemented;
        }

        // Addresses are compared as unsigned numbers, as CPython's Py_uintptr_t casts.
        var result = op.Holds((nuint)self, (nuint)other);
        return heap.NewBool(result);
    }
}
