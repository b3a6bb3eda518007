namespace Refheap.Objects.Native.BuiltinIterators;

/// <summary>
/// The iterator types of the builtins module: <c>enumerate</c> and <c>reversed</c> in both
/// profiles; <c>map</c>, <c>filter</c> and <c>zip</c> in 3.x only (2.7's are functions that
/// return lists).
/// </summary>
internal sealed class BuiltinIteratorTypes
{
    /// <summary>Creates the descriptors of the profile.</summary>
    public BuiltinIteratorTypes(Heap heap)
    {
        Enumerate = new BuiltinIteratorType(heap, "enumerate", BuiltinIteratorKind.Enumerate);
        Reversed = new BuiltinIteratorType(heap, "reversed", BuiltinIteratorKind.Reversed);
        List<TypeDescriptor> all = [Enumerate, Reversed];
        if (!heap.Profile.IntPromotesToLong)
        {
            Map = new BuiltinIteratorType(heap, "map", BuiltinIteratorKind.Map);
            Filter = new BuiltinIteratorType(heap, "filter", BuiltinIteratorKind.Filter);
            Zip = new BuiltinIteratorType(heap, "zip", BuiltinIteratorKind.Zip);
            all.AddRange([Map, Filter, Zip]);
        }

        All = all;
    }

    /// <summary><c>enumerate</c>.</summary>
    public BuiltinIteratorType Enumerate { get; }

    /// <summary><c>reversed</c>.</summary>
    public BuiltinIteratorType Reversed { get; }

    /// <summary>3.x <c>map</c>; null in 2.7.</summary>
    public BuiltinIteratorType? Map { get; }

    /// <summary>3.x <c>filter</c>; null in 2.7.</summary>
    public BuiltinIteratorType? Filter { get; }

    /// <summary>3.x <c>zip</c>; null in 2.7.</summary>
    public BuiltinIteratorType? Zip { get; }

    /// <summary>Every type here, for registration.</summary>
    public IReadOnlyList<TypeDescriptor> All { get; }
}
