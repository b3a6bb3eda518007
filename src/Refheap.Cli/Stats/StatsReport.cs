using Refheap.Memory;

namespace Refheap.Cli.Stats;

// Inside Refheap.* the name Runtime alone is the namespace Refheap.Runtime.

/// <summary>
/// Everything <c>refheap stats</c> shows, as one snapshot. The JSON renderer serializes it as
/// is (camelCase), so every property here is a documented field in docs/cli.md.
/// </summary>
public sealed record StatsReport(
    string Profile,
    string PythonVersion,
    DemoSummary Demo,
    MemoryStats Memory,
    CensusSummary Census,
    CollectorSummary Gc)
{
    /// <summary>Reads the runtime's allocator, census and collector now.</summary>
    public static StatsReport Capture(Runtime runtime, DemoSummary demo)
    {
        var census = runtime.TakeCensus();
        var count = runtime.Gc.GetCount();
        var threshold = runtime.Gc.GetThreshold();
        var tracked = runtime.Gc.TrackedObjects();
        var generations = runtime.Gc.GetStats()
            .Select((g, i) => new GenerationSummary(i, g.Collections, g.Collected, g.Uncollectable, g.MaxPause.TotalMilliseconds, g.TotalPause.TotalMilliseconds))
            .ToList();

        return new StatsReport(
            runtime.Profile.Name,
            runtime.Profile.PythonVersion,
            demo,
            runtime.MemoryStats,
            new CensusSummary(census.TotalObjects, census.BytesInUse, census.BytesMapped, new SortedDictionary<string, long>(census.ByType.ToDictionary(), StringComparer.Ordinal)),
            new CollectorSummary([count.Gen0, count.Gen1, count.Gen2], [threshold.Gen0, threshold.Gen1, threshold.Gen2], [tracked.Gen0, tracked.Gen1, tracked.Gen2], generations));
    }
}

/// <summary>What the demo did.</summary>
/// <param name="Tasks">Tasks built (<c>--objects</c>).</param>
/// <param name="SubtasksPerTask">Subtasks per Task.</param>
/// <param name="TasksDropped">Tasks removed from the live table before the collection.</param>
/// <param name="TasksKept">Tasks still alive when the statistics were read.</param>
/// <param name="UnreachableFound">What <c>gc.collect()</c> returned after the drop.</param>
public sealed record DemoSummary(int Tasks, int SubtasksPerTask, int TasksDropped, int TasksKept, long UnreachableFound);

/// <summary>The census: live objects by type (see <see cref="Census"/>).</summary>
public sealed record CensusSummary(long TotalObjects, long BytesInUse, long BytesMapped, IReadOnlyDictionary<string, long> ByType);

/// <summary>The collector's counters, as the gc module shows them; arrays are indexed by generation.</summary>
public sealed record CollectorSummary(int[] Count, int[] Threshold, long[] TrackedObjects, IReadOnlyList<GenerationSummary> Generations);

/// <summary>One generation's totals (<c>gc.get_stats()</c> plus pause times).</summary>
public sealed record GenerationSummary(int Generation, long Collections, long Collected, long Uncollectable, double MaxPauseMs, double TotalPauseMs);
