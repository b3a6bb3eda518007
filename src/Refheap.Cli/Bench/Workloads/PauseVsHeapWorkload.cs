using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Refheap.Cli.Bench.Workloads;

/// <summary>
/// pause_vs_heap: one Task graph grown to each of <see cref="BenchSettings.PauseSizes"/> in
/// turn (automatic collection off); at each size a settling full collection, then
/// <see cref="BenchSettings.PauseRepeats"/> timed ones, the shortest counting (ms).
/// CPython: bench/cpython/pause_vs_heap.py, the same steps.
/// </summary>
internal sealed class PauseVsHeapWorkload : IWorkloadFamily
{
    private const string Metric = "full_collection";

    public IReadOnlyList<BenchWorkload> Workloads { get; } = [BenchWorkloads.PauseVsHeap];

    public bool RunsOnPythonFrontEnd => false;

    public IReadOnlyList<Measurement> MeasureRefheap(Profile profile, BenchSettings settings, CliEnvironment environment)
    {
        using var rt = new Runtime(profile);
        using var gil = rt.Enter();
        using var root = rt.OpenScope();
        rt.Gc.Disable();
        rt.Gc.Collect();
        var graph = TaskGraph.Define(rt);
        var list = rt.List();
        var points = new List<Measurement>();
        foreach (var size in settings.PauseSizes)
        {
            graph.AddTasks(list, size - (int)rt.Length(list));
            rt.Gc.Collect();
            var (g0, g1, g2) = rt.Gc.TrackedObjects();
            var best = double.MaxValue;
            for (var i = 0; i < BenchSettings.PauseRepeats; i++)
            {
                var watch = Stopwatch.StartNew();
                rt.Gc.Collect();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            points.Add(new(BenchWorkloads.PauseVsHeap.Name, Metric, best, size, g0 + g1 + g2));
        }

        return points;
    }

    public (string Script, IReadOnlyList<string> Arguments) CPythonScript(BenchSettings settings) =>
    (
        "pause_vs_heap.py",
        [
            string.Join(',', settings.PauseSizes.Select(s => s.ToString(CultureInfo.InvariantCulture))),
            BenchSettings.PauseRepeats.ToString(CultureInfo.InvariantCulture),
        ]
    );

    public IReadOnlyList<Measurement> ReadCPython(JsonElement output, BenchSettings settings) =>
        output.GetProperty("points").EnumerateArray()
            .Select(p => new Measurement(
                BenchWorkloads.PauseVsHeap.Name,
                Metric,
                p.GetProperty("full_collection_ms").GetDouble(),
                p.GetProperty("tasks").GetInt64(),
                p.GetProperty("tracked").GetInt64()))
            .ToList();
}
