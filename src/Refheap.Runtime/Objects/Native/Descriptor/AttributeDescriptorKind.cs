namespace Refheap.Objects.Native.Descriptor;

/// <summary>Which descriptor a class dict entry needs.</summary>
internal enum AttributeDescriptorKind
{
    /// <summary>A getset_descriptor (<c>__dict__</c>, <c>__weakref__</c>).</summary>
    GetSet,

    /// <summary>A member_descriptor for a <c>__slots__</c> field.</summary>
    Member,
}
