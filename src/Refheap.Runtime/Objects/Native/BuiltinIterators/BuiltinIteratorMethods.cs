using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.BuiltinIterators;

/// <summary>
/// The methods of map, filter, zip, enumerate and reversed: the iterators' <c>__iter__</c> and
/// <c>next</c> (2.7) / <c>__next__</c>; only reversed has <c>__length_hint__</c>, as in CPython.
/// </summary>
internal static class BuiltinIteratorMethods
{
    /// <summary>The methods of each type, for <see cref="BuiltinMethodTables"/>.</summary>
    public static List<(TypeDescriptor Type, BuiltinMethod[] Methods)> Tables(Heap heap) =>
        [.. heap.Types.BuiltinIterators.All.Select(t => (t, IteratorMethods.Create(heap)
            .Where(m => m.Name != "__length_hint__" || t == heap.Types.BuiltinIterators.Reversed)
            .ToArray()))];
}
