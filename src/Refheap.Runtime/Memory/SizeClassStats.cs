namespace Refheap.Memory;

/// <summary>One line of <c>sys._debugmallocstats()</c>: the pools and blocks of one size class.</summary>
public sealed record SizeClassStats
{
    /// <summary>Size class index: requests of <c>(SizeClass * Alignment, (SizeClass + 1) * Alignment]</c> bytes.</summary>
    public required int SizeClass { get; init; }

    /// <summary>Bytes per block of this class: <c>(SizeClass + 1) * Alignment</c>.</summary>
    public required int BlockSize { get; init; }

    /// <summary>Pools currently serving this class (used or full; empty pools are not counted).</summary>
    public required long PoolsInUse { get; init; }

    /// <summary>Blocks of this class handed out and not yet freed.</summary>
    public required long BlocksInUse { get; init; }

    /// <summary>Blocks still available in this class's pools in use (CPython's "avail blocks").</summary>
    public required long FreeBlocks { get; init; }
}
