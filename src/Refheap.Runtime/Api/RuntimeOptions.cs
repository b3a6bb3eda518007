namespace Refheap;

/// <summary>Options of a <see cref="Runtime"/>.</summary>
public sealed class RuntimeOptions
{
    /// <summary>
    /// Most bytes the heap may map (arenas plus large blocks). A request beyond it raises
    /// MemoryError and leaves the heap intact. Default: the machine's physical memory.
    /// </summary>
    public long HeapLimit { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// Turns on the debug allocator (as PYTHONMALLOC=debug): guard bytes around every block,
    /// freed blocks filled with a dead pattern, overruns and double frees reported.
    /// </summary>
    public bool DebugAllocator { get; init; }
}
