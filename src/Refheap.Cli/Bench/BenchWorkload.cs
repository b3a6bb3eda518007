namespace Refheap.Cli.Bench;

/// <summary>Which way a metric is better: it decides the direction of the ratio.</summary>
public enum Better
{
    /// <summary>No direction (a count such as collections per generation): no ratio.</summary>
    None,

    /// <summary>Smaller is better (times, bytes, live objects): ratio = CPython ÷ Refheap.</summary>
    Lower,

    /// <summary>Larger is better (rates, memory returned): ratio = Refheap ÷ CPython.</summary>
    Higher,
}

/// <summary>One number a workload reports.</summary>
/// <param name="Name">The metric's name in the results (<c>ns_per_object</c>).</param>
/// <param name="Unit">Its unit (<c>ns</c>, <c>ms</c>, <c>tasks/s</c>, <c>B</c>, <c>%</c>, <c>tasks</c>, <c>collections</c>).</param>
/// <param name="Better">Which way is better.</param>
/// <param name="Label">How the table names it, unit included.</param>
public sealed record BenchMetric(string Name, string Unit, Better Better, string Label)
{
    /// <summary>Why CPython's side does not measure this metric, when it does not.</summary>
    public string? NotOnCPython { get; init; }
}

/// <summary>A workload of <c>refheap bench</c>: its name on the command line and the metrics it reports.</summary>
public sealed record BenchWorkload(string Name, string Description, IReadOnlyList<BenchMetric> Metrics)
{
    /// <summary>The metric called <paramref name="name"/>.</summary>
    public BenchMetric Metric(string name) => Metrics.Single(m => m.Name == name);
}

/// <summary>The workloads, in the order they run (docs/BENCHMARKS.md describes each).</summary>
public static class BenchWorkloads
{
    private static readonly BenchMetric[] s_churnMetrics =
    [
        new("tasks_per_second", "tasks/s", Better.Higher, "tasks per second"),
        new("max_live_tasks", "tasks", Better.Lower, "most Tasks alive"),
        new("longest_pause", "ms", Better.Lower, "longest pause, ms"),
        new("gen0_collections", "collections", Better.None, "gen 0 collections"),
        new("gen1_collections", "collections", Better.None, "gen 1 collections"),
        new("gen2_collections", "collections", Better.None, "gen 2 collections"),
    ];

    /// <summary>Building the Task graph (automatic collection off), per Task.</summary>
    public static BenchWorkload Build { get; } = new(
        "build", "build the Task graph, automatic gc off", [new("ns_per_task", "ns", Better.Lower, "ns per Task built")]);

    /// <summary>One full collection of a live Task graph, per tracked object.</summary>
    public static BenchWorkload FullLive { get; } = new(
        "full_live", "one full collection of a live Task graph", [new("ns_per_object", "ns", Better.Lower, "ns per tracked object")]);

    /// <summary>The same graph made garbage and collected, per collected object.</summary>
    public static BenchWorkload FullGarbage { get; } = new(
        "full_garbage", "the Task graph made garbage and collected", [new("ns_per_object", "ns", Better.Lower, "ns per collected object")]);

    /// <summary>Task churn with weak back-references (freed by reference counting).</summary>
    public static BenchWorkload ChurnWeak { get; } = new(
        "churn_weak", "make a Task with 5 weak-back-reference Subtasks, delete the oldest", s_churnMetrics);

    /// <summary>Task churn with strong back-references and automatic collection.</summary>
    public static BenchWorkload ChurnStrongAutoGc { get; } = new(
        "churn_strong_autogc", "make a Task with 5 strong-back-reference Subtasks, delete the oldest, automatic gc", s_churnMetrics);

    /// <summary>What a Task graph costs in memory, and what goes back to the OS.</summary>
    public static BenchWorkload MemoryPerTask { get; } = new(
        "memory_per_task",
        "bytes per Task graph, and resident memory returned after freeing all",
        [
            new("heap_bytes_per_task", "B", Better.Lower, "heap bytes per Task")
            {
                NotOnCPython = "no cheap count of heap bytes in use (tracemalloc is too slow)",
            },
            new("rss_bytes_per_task", "B", Better.Lower, "RSS bytes per Task"),
            new("rss_returned", "%", Better.Higher, "RSS returned, %"),
        ]);

    /// <summary>Full-collection time as the live heap grows.</summary>
    public static BenchWorkload PauseVsHeap { get; } = new(
        "pause_vs_heap", "full-collection time for growing live Task graphs", [new("full_collection", "ms", Better.Lower, "full collection, ms")]);

    /// <summary>Every workload, in running order.</summary>
    public static IReadOnlyList<BenchWorkload> All { get; } = [Build, FullLive, FullGarbage, ChurnWeak, ChurnStrongAutoGc, MemoryPerTask, PauseVsHeap];

    /// <summary>The workload called <paramref name="name"/> (exactly), or null.</summary>
    public static BenchWorkload? Find(string name) => All.FirstOrDefault(w => w.Name == name);
}
