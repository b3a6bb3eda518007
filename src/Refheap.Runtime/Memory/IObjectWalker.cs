namespace Refheap.Memory;

/// <summary>The callback of <see cref="HeapAllocator.WalkObjects{TWalker}"/>.</summary>
/// <remarks>
/// A struct implementing this interface and passed by reference lets the JIT specialise and
/// inline the walk: no delegate and no boxing per object.
/// </remarks>
internal interface IObjectWalker
{
    /// <summary>
    /// Called once per live object. <paramref name="objectAddress"/> is the object's address
    /// (for <see cref="BlockKind.GcObject"/> the address just after its GC header).
    /// The walker must not allocate or free through the allocator being walked.
    /// </summary>
    void Visit(nint objectAddress, BlockKind kind);
}
