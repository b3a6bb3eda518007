namespace Refheap.Memory;

/// <summary>What a block handed out by <see cref="HeapAllocator"/> holds.</summary>
/// <remarks>
/// The allocator keeps a side bit per object start so that a heap walk can find every
/// object, tracked or not, and skip raw buffers (list item arrays, dict tables).
/// </remarks>
internal enum BlockKind
{
    /// <summary>A raw buffer owned by some object (item arrays, hash tables, string data).</summary>
    Buffer,

    /// <summary>An object without a GC header: the object starts at the block's start.</summary>
    Object,

    /// <summary>An object of a collectable type: a <see cref="HeapAllocator.GcHeaderSize"/>-byte GC header, then the object.</summary>
    GcObject,
}
