using System.Globalization;
using System.Text;

namespace Refheap.Memory;

/// <summary>
/// A snapshot of the allocator: the counts of CPython's <c>sys._debugmallocstats()</c>
/// (per size class, then arenas), plus bytes in use, bytes mapped and large blocks.
/// These are the documented fields of <c>refheap stats --json</c>.
/// </summary>
/// <remarks>
/// Two snapshots are equal when every field and every size-class line is equal, so a test can
/// check that a failed operation left the allocator unchanged.
/// </remarks>
public sealed record MemoryStats
{
    /// <summary>Bytes per arena (profile geometry).</summary>
    public required int ArenaSize { get; init; }

    /// <summary>Bytes per pool (profile geometry).</summary>
    public required int PoolSize { get; init; }

    /// <summary>Block alignment and size-class step in bytes (profile geometry).</summary>
    public required int Alignment { get; init; }

    /// <summary>Largest request served from pools; larger ones are large blocks (profile geometry).</summary>
    public required int SmallRequestLimit { get; init; }

    /// <summary>Bytes at the start of each pool taken by its header (CPython's POOL_OVERHEAD).</summary>
    public required int PoolHeaderSize { get; init; }

    /// <summary>Whether the debug allocator is on: each block then carries 24 bytes of size and guard bytes.</summary>
    public required bool DebugMode { get; init; }

    /// <summary>One entry per size class, in class order, including classes with no pools.</summary>
    public required IReadOnlyList<SizeClassStats> SizeClasses { get; init; }

    /// <summary>Arenas mapped since the allocator was created ("# arenas allocated total").</summary>
    public required long ArenasAllocatedTotal { get; init; }

    /// <summary>Arenas returned to the system since the allocator was created ("# arenas reclaimed").</summary>
    public required long ArenasReclaimedTotal { get; init; }

    /// <summary>Most arenas mapped at one time ("# arenas highwater mark").</summary>
    public required long ArenasHighWater { get; init; }

    /// <summary>Arenas mapped now ("# arenas allocated current").</summary>
    public required long ArenasInUse { get; init; }

    /// <summary>Empty pools in mapped arenas, including pools not carved yet ("unused pools").</summary>
    public required long FreePools { get; init; }

    /// <summary>Live large blocks (requests above <see cref="SmallRequestLimit"/>, served by the system allocator).</summary>
    public required long LargeBlocks { get; init; }

    /// <summary>Bytes taken from the system allocator by live large blocks, headers and debug padding included.</summary>
    public required long LargeBytes { get; init; }

    /// <summary>Sum of the sizes requested by live blocks, small and large.</summary>
    public required long BytesInUse { get; init; }

    /// <summary>Bytes of mapped arenas plus <see cref="LargeBytes"/>: what the heap holds from the system.</summary>
    public required long BytesMapped { get; init; }

    /// <inheritdoc/>
    public bool Equals(MemoryStats? other) =>
        other is not null
        && ArenaSize == other.ArenaSize
        && PoolSize == other.PoolSize
        && Alignment == other.Alignment
        && SmallRequestLimit == other.SmallRequestLimit
        && PoolHeaderSize == other.PoolHeaderSize
        && DebugMode == other.DebugMode
        && ArenasAllocatedTotal == other.ArenasAllocatedTotal
        && ArenasReclaimedTotal == other.ArenasReclaimedTotal
        && ArenasHighWater == other.ArenasHighWater
        && ArenasInUse == other.ArenasInUse
        && FreePools == other.FreePools
        && LargeBlocks == other.LargeBlocks
        && LargeBytes == other.LargeBytes
        && BytesInUse == other.BytesInUse
        && BytesMapped == other.BytesMapped
        && SizeClasses.SequenceEqual(other.SizeClasses);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(ArenaSize, PoolSize, ArenasInUse, FreePools, LargeBlocks, BytesInUse, BytesMapped, SizeClasses.Count);

    /// <summary>
    /// Renders the statistics the way CPython's <c>sys._debugmallocstats()</c> prints them:
    /// the size-class table (classes with no pools left out), the arena counts, and where the
    /// arena bytes go; then Refheap's large-block and byte totals.
    /// </summary>
    public string ToDebugMallocStatsText()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"Small block threshold = {SmallRequestLimit}, in {SizeClasses.Count} size classes.\n");
        sb.Append('\n');
        sb.Append("class   size   num pools   blocks in use  avail blocks\n");
        sb.Append("-----   ----   ---------   -------------  ------------\n");

        long allocatedBytes = 0, availableBytes = 0, poolHeaderBytes = 0, quantization = 0;
        foreach (SizeClassStats c in SizeClasses)
        {
            if (c.PoolsInUse == 0)
            {
                continue;
            }
            sb.Append(inv, $"{c.SizeClass,5} {c.BlockSize,6} {c.PoolsInUse,11} {c.BlocksInUse,15} {c.FreeBlocks,13}\n");
            allocatedBytes += c.BlocksInUse * c.BlockSize;
            availableBytes += c.FreeBlocks * c.BlockSize;
            poolHeaderBytes += c.PoolsInUse * PoolHeaderSize;
            quantization += c.PoolsInUse * ((PoolSize - PoolHeaderSize) % c.BlockSize);
        }
        sb.Append('\n');
        PrintOne(sb, "# arenas allocated total", ArenasAllocatedTotal);
        PrintOne(sb, "# arenas reclaimed", ArenasReclaimedTotal);
        PrintOne(sb, "# arenas highwater mark", ArenasHighWater);
        PrintOne(sb, "# arenas allocated current", ArenasInUse);
        PrintOne(sb, string.Create(inv, $"{ArenasInUse} arenas * {ArenaSize} bytes/arena"), ArenasInUse * ArenaSize);
        sb.Append('\n');

        long total = 0;
        total += PrintOne(sb, "# bytes in allocated blocks", allocatedBytes);
        total += PrintOne(sb, "# bytes in available blocks", availableBytes);
        total += PrintOne(sb, string.Create(inv, $"{FreePools} unused pools * {PoolSize} bytes"), FreePools * PoolSize);
        total += PrintOne(sb, "# bytes lost to pool headers", poolHeaderBytes);
        total += PrintOne(sb, "# bytes lost to quantization", quantization);
        // Arenas are mapped ArenaSize-aligned, so no pool is lost to alignment (CPython's malloc'ed arenas may lose one).
        total += PrintOne(sb, "# bytes lost to arena alignment", 0);
        PrintOne(sb, "Total", total);
        sb.Append('\n');

        PrintOne(sb, "# large blocks", LargeBlocks);
        PrintOne(sb, "# bytes in large blocks", LargeBytes);
        PrintOne(sb, "# bytes requested by live blocks", BytesInUse);
        PrintOne(sb, "# bytes mapped", BytesMapped);
        return sb.ToString();
    }

    // CPython's printone: the label padded to 35 columns, '=', the value with thousands
    // separators right-aligned in 21 columns.
    private static long PrintOne(StringBuilder sb, string label, long value)
    {
        sb.Append(label.PadRight(35)).Append('=');
        sb.Append(value.ToString("#,0", CultureInfo.InvariantCulture).PadLeft(21)).Append('\n');
        return value;
    }
}
