namespace Refheap.Objects;

/// <summary>What kind of field of its source object a <see cref="HeapWalkEdge"/> is.</summary>
internal enum HeapWalkEdgeKind : byte
{
    /// <summary>A reference the walk cannot name (a built-in type's internal field).</summary>
    Other,

    /// <summary>An instance attribute: an inline value (3.12), a <c>__slots__</c> member, or an item of the instance's own dict seen through the instance.</summary>
    Attribute,

    /// <summary>An instance's <c>__dict__</c> object.</summary>
    InstanceDict,

    /// <summary>A dict's value; the key is in <see cref="HeapWalkEdge.Name"/> (a str key) or <see cref="HeapWalkEdge.Index"/> (an int key).</summary>
    DictValue,

    /// <summary>A dict's key.</summary>
    DictKey,

    /// <summary>A list's or tuple's item at <see cref="HeapWalkEdge.Index"/>.</summary>
    Item,

    /// <summary>An instance's class (a heap type's instances own a reference to it).</summary>
    Type,
}
