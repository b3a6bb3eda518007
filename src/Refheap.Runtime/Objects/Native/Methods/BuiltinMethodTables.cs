using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Float;
using Refheap.Objects.Native.Int;
using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Object;
using Refheap.Objects.Native.Range;
using Refheap.Objects.Native.Set;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Methods;

/// <summary>
/// Installs the methods of the built-in types into their type dicts when a heap starts (after
/// the type objects and their dicts exist), one table per type, each built for the heap's profile.
/// </summary>
internal static class BuiltinMethodTables
{
    /// <summary>Installs every table; throws when the heap cannot hold them (the heap limit is too small to start).</summary>
    public static void InstallAll(Heap heap)
    {
        var types = heap.Types;
        Install(types.Object, ObjectMethods.Create());
        Install(types.List, ListMethods.Create(heap));
        Install(types.Tuple, TupleMethods.Create(heap));
        Install(types.Str, StrMethods.Create(heap));
        Install(types.Dict, DictMethods.Create(heap));
        Install(types.Set, SetMethods.Create(types.Set));
        Install(types.FrozenSet, SetMethods.Create(types.FrozenSet));
        Install(types.Int, IntMethods.Create());
        if (types.Long != null)
        {
            Install(types.Long, IntMethods.Create());
        }

        Install(types.Float, FloatMethods.Create());
        Install(types.Iterators.Range, RangeMethods.Create(heap));
        foreach (var iterator in types.Iterators.Iterators)
        {
            Install(iterator, IteratorMethods.Create(heap));
        }
    }

    private static void Install(TypeDescriptor type, IEnumerable<BuiltinMethod> methods)
    {
        if (!TypeDictMethods.Install(type, methods))
        {
            throw new OutOfMemoryException($"the heap limit is too small to hold the methods of '{type.Name}'");
        }
    }
}
