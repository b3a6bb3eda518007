namespace Refheap.Memory;

/// <summary>
/// Where <see cref="HeapAllocator"/> gets its arenas from: the operating system's virtual
/// memory (mmap / VirtualAlloc), so that an arena handed back is really returned and shows in RSS.
/// </summary>
/// <remarks>
/// A seam rather than a static call so that tests can count mappings and make the "OS" refuse.
/// Implementations need not be thread-safe: the allocator calls them under the runtime lock.
/// </remarks>
internal unsafe interface IArenaSource
{
    /// <summary>
    /// Maps <paramref name="size"/> bytes of zeroed, readable and writable memory whose address
    /// is a multiple of <paramref name="alignment"/> (a power of two).
    /// </summary>
    /// <returns>The mapping, or null when the system refuses.</returns>
    void* Map(nuint size, nuint alignment);

    /// <summary>Returns a mapping obtained from <see cref="Map"/> with the same <paramref name="size"/>.</summary>
    void Unmap(void* p, nuint size);
}
