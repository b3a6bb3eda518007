using System.Globalization;
using System.Text.Json;

namespace Refheap.Cli.Bench.Workloads;

/// <summary>
/// memory_per_task: what a Task graph costs, and what goes back to the OS. A warm-up graph of
/// 1,000 Tasks is built and freed; then <c>--tasks</c> Tasks are built (automatic collection
/// off), then dropped and collected. Refheap runs it in a child <c>refheap</c> of its own
/// (<c>--in-process</c>), so that its resident memory belongs to this workload alone, as the
/// CPython script runs in a fresh interpreter. CPython: bench/cpython/memory_per_task.py.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>heap_bytes_per_task</c> (Refheap only): growth of <see cref="Memory.MemoryStats.BytesInUse"/>
/// (bytes requested by live blocks, small and large) over the build, per Task. CPython has no
/// cheap counter of the same (tracemalloc slows the build several times).</item>
/// <item><c>rss_bytes_per_task</c>: growth of the process's resident memory (/proc/self/statm) over the build, per Task.</item>
/// <item><c>rss_returned</c>: the share of that growth gone again after the graph is dropped and collected.</item>
/// </list>
/// </remarks>
internal sealed class MemoryPerTaskWorkload : IWorkloadFamily
{
    private const int WarmUpTasks = 1000;
    private static readonly string s_name = BenchWorkloads.MemoryPerTask.Name;

    public IReadOnlyList<BenchWorkload> Workloads { get; } = [BenchWorkloads.MemoryPerTask];

    public bool RunsOnPythonFrontEnd => false;

    public IReadOnlyList<Measurement> MeasureRefheap(Profile profile, BenchSettings settings, CliEnvironment environment)
    {
        if (settings.InProcess)
        {
            return MeasureHere(profile, settings.Tasks);
        }

        var output = RefheapChildProcess.Run(
            [
                "bench", s_name, "--profile", profile.Name,
                "--tasks", settings.Tasks.ToString(CultureInfo.InvariantCulture),
                "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
                "--json", "--in-process",
            ],
            environment);
        using var doc = JsonDocument.Parse(output);
        var measurements = new List<Measurement>();
        foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            if (r.GetProperty("status").GetString() != BenchStatus.Ok)
            {
                throw new BenchMeasurementException(r.TryGetProperty("error", out var e) ? e.GetString() ?? "failed" : "failed");
            }

            measurements.Add(new(
                s_name,
                r.GetProperty("metric").GetString()!,
                r.GetProperty("value").GetDouble(),
                r.TryGetProperty("tasks", out var t) ? t.GetInt64() : null,
                r.TryGetProperty("objects", out var o) ? o.GetInt64() : null));
        }

        return measurements;
    }

    public (string Script, IReadOnlyList<string> Arguments) CPythonScript(BenchSettings settings) =>
        ("memory_per_task.py", [settings.Tasks.ToString(CultureInfo.InvariantCulture)]);

    public IReadOnlyList<Measurement> ReadCPython(JsonElement output, BenchSettings settings) =>
    [
        new(s_name, "rss_bytes_per_task", output.GetProperty("rss_bytes_per_task").GetDouble(), settings.Tasks),
        new(s_name, "rss_returned", output.GetProperty("rss_returned_percent").GetDouble(), settings.Tasks),
    ];

    private static List<Measurement> MeasureHere(Profile profile, int tasks)
    {
        using var rt = new Runtime(profile);
        using var gil = rt.Enter();
        using var root = rt.OpenScope();
        rt.Gc.Disable();
        var graph = TaskGraph.Define(rt);
        using (rt.OpenScope())
        {
            graph.AddTasks(rt.List(), WarmUpTasks); // code compiled, free lists and arenas primed; freed below
        }

        rt.Gc.Collect();
        var rssBefore = ProcessMemory.ResidentBytes();
        var heapBefore = rt.MemoryStats.BytesInUse;
        long rssBuilt, heapBuilt;
        using (rt.OpenScope())
        {
            graph.AddTasks(rt.List(), tasks);
            rssBuilt = ProcessMemory.ResidentBytes();
            heapBuilt = rt.MemoryStats.BytesInUse;
        }

        rt.Gc.Collect();
        var rssAfter = ProcessMemory.ResidentBytes();
        var grown = Math.Max(rssBuilt - rssBefore, 1);
        return
        [
            new(s_name, "heap_bytes_per_task", (double)(heapBuilt - heapBefore) / tasks, tasks),
            new(s_name, "rss_bytes_per_task", (double)(rssBuilt - rssBefore) / tasks, tasks),
            new(s_name, "rss_returned", 100.0 * (rssBuilt - rssAfter) / grown, tasks),
        ];
    }
}
