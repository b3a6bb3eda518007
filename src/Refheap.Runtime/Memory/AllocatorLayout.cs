namespace Refheap.Memory;

/// <summary>
/// The geometry of the small-object allocator for one profile, as in Objects/obmalloc.c:
/// arenas are carved into pools, a pool serves blocks of one size class.
/// </summary>
/// <remarks>
/// <code>
///   arena (ArenaSize, from mmap, ArenaSize-aligned)
///   ┌──────────┬──────────┬──────────┬─────┐
///   │  pool 0  │  pool 1  │  pool 2  │ ... │   each pool: PoolSize bytes, one size class
///   └──────────┴──────────┴──────────┴─────┘
///   pool: [pool header][block][block][block]...   block size = (class + 1) * Alignment
/// </code>
/// Requests above <see cref="SmallRequestLimit"/> bypass pools and go to the system allocator.
/// </remarks>
/// <param name="ArenaSize">Bytes per arena; a power of two.</param>
/// <param name="PoolSize">Bytes per pool; a power of two dividing <paramref name="ArenaSize"/>.</param>
/// <param name="Alignment">Block alignment and size-class step; a power of two.</param>
/// <param name="SmallRequestLimit">Largest request served from pools; a multiple of <paramref name="Alignment"/>.</param>
/// <param name="KeepOneEmptyArena">Whether one wholly free arena is kept mapped instead of returned (CPython 3.9+).</param>
public sealed record AllocatorLayout(int ArenaSize, int PoolSize, int Alignment, int SmallRequestLimit, bool KeepOneEmptyArena)
{
    /// <summary>CPython 2.7: 256 KiB arenas, 4 KiB pools, 8-byte classes up to 256 bytes.</summary>
    public static AllocatorLayout Py27 { get; } = new(256 * 1024, 4 * 1024, 8, 256, KeepOneEmptyArena: false);

    /// <summary>CPython 3.12: 1 MiB arenas, 16 KiB pools, 16-byte classes up to 512 bytes.</summary>
    public static AllocatorLayout Py312 { get; } = new(1024 * 1024, 16 * 1024, 16, 512, KeepOneEmptyArena: true);

    /// <summary>Number of size classes.</summary>
    public int SizeClassCount => SmallRequestLimit / Alignment;

    /// <summary>Pools per arena.</summary>
    public int PoolsPerArena => ArenaSize / PoolSize;
}
