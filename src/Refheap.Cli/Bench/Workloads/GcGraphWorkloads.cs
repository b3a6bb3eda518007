using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Refheap.Cli.Bench.Workloads;

/// <summary>
/// build, full_live and full_garbage on one Task graph of <c>--tasks</c> Tasks, automatic
/// collection off: the build is timed (ns per Task); after a settling collection, one timed full collection of the live graph (ns per
/// tracked object); then the graph is dropped and the full collection that frees it is timed
/// (ns per collected object). Before all that, an untimed warm-up does the same on a graph of
/// <see cref="BenchSettings.WarmupTasks"/> Tasks. CPython: bench/cpython/gc_graph.py, the same steps.
/// </summary>
internal sealed class GcGraphWorkloads : IWorkloadFamily
{
    public IReadOnlyList<BenchWorkload> Workloads { get; } = [BenchWorkloads.Build, BenchWorkloads.FullLive, BenchWorkloads.FullGarbage];

    public bool RunsOnPythonFrontEnd => true;

    public IReadOnlyList<Measurement> MeasureRefheap(Profile profile, BenchSettings settings, CliEnvironment environment)
    {
        using var rt = new Runtime(profile);
        using var gil = rt.Enter();
        using var root = rt.OpenScope();
        rt.Gc.Disable();
        WarmUp(rt, settings.WarmupTasks);
        double liveNs;
        double buildNs;
        long tracked;
        using (rt.OpenScope())
        {
            var build = Stopwatch.StartNew();
            TaskGraph.Build(rt, settings.Tasks);
            buildNs = build.Elapsed.TotalNanoseconds;
            rt.Gc.Collect(); // settle: everything in the oldest generation, as CPython's script does
            var (g0, g1, g2) = rt.Gc.TrackedObjects();
            tracked = g0 + g1 + g2;
            var live = Stopwatch.StartNew();
            rt.Gc.Collect();
            liveNs = live.Elapsed.TotalNanoseconds;
        }

        var garbage = Stopwatch.StartNew();
        var collected = rt.Gc.Collect();
        var garbageNs = garbage.Elapsed.TotalNanoseconds;
        return
        [
            new(BenchWorkloads.Build.Name, "ns_per_task", buildNs / settings.Tasks, settings.Tasks),
            new(BenchWorkloads.FullLive.Name, "ns_per_object", liveNs / tracked, settings.Tasks, tracked),
            new(BenchWorkloads.FullGarbage.Name, "ns_per_object", garbageNs / Math.Max(collected, 1), settings.Tasks, collected),
        ];
    }

    public (string Script, IReadOnlyList<string> Arguments) CPythonScript(BenchSettings settings) =>
        ("gc_graph.py", [settings.Tasks.ToString(CultureInfo.InvariantCulture), settings.WarmupTasks.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Builds <paramref name="tasks"/> Tasks, collects them live twice, drops them and collects them as garbage: the timed steps, untimed.</summary>
    private static void WarmUp(Runtime rt, int tasks)
    {
        using (rt.OpenScope())
        {
            TaskGraph.Build(rt, tasks);
            rt.Gc.Collect();
            rt.Gc.Collect();
        }

        rt.Gc.Collect();
    }

    public IReadOnlyList<Measurement> ReadCPython(JsonElement output, BenchSettings settings) =>
    [
        new(BenchWorkloads.Build.Name, "ns_per_task", output.GetProperty("build_ns_per_task").GetDouble(), settings.Tasks),
        new(BenchWorkloads.FullLive.Name, "ns_per_object", output.GetProperty("full_live_ns_per_object").GetDouble(), settings.Tasks, output.GetProperty("tracked").GetInt64()),
        new(BenchWorkloads.FullGarbage.Name, "ns_per_object", output.GetProperty("full_garbage_ns_per_object").GetDouble(), settings.Tasks, output.GetProperty("collected").GetInt64()),
    ];
}
