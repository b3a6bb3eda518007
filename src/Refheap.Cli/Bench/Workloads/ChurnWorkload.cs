using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Refheap.Gc;

namespace Refheap.Cli.Bench.Workloads;

/// <summary>
/// churn_weak and churn_strong_autogc, the talk's server under load: each step makes a Task
/// with 5 Subtasks, keeps it in a dict by id and deletes the oldest, so that
/// <see cref="BenchSettings.ChurnWindow"/> Tasks stay alive; automatic collection on at the
/// default thresholds. As in churn.py, a Task's name is the int object it is filed under.
/// The dict is filled first and <see cref="BenchSettings.ChurnWarmupSteps"/>
/// steps run (neither timed: the JIT's tiers settle), then a full collection, then
/// <c>--tasks</c> steps are timed. With weak back-references a deleted Task is freed at once;
/// with strong ones it is a cycle that waits for a collection of its generation.
/// CPython: bench/cpython/churn.py.
/// </summary>
/// <remarks>
/// Refheap measures: the steps' wall-clock time; <see cref="Runtime.LiveInstances"/> of Task
/// after every step (its instance counter); per generation the collections that ran during
/// the steps (<see cref="GcModule.GetStats"/> before and after); the longest
/// <see cref="CollectionResult.Elapsed"/> among them (<see cref="GcModule.Collected"/>).
/// </remarks>
internal sealed class ChurnWorkload(bool weak) : IWorkloadFamily
{
    private const string LiveMethodRefheap = "runtime.LiveInstances(Task) after every step";
    private const string PauseMethodRefheap = "CollectionResult.Elapsed of each collection";
    private const string LiveMethodCPython = "sys.getrefcount(Task) minus its count with no Task alive, after every step";

    public IReadOnlyList<BenchWorkload> Workloads { get; } = [weak ? BenchWorkloads.ChurnWeak : BenchWorkloads.ChurnStrongAutoGc];

    public bool RunsOnPythonFrontEnd => true;

    private string Name => Workloads[0].Name;

    public IReadOnlyList<Measurement> MeasureRefheap(Profile profile, BenchSettings settings, CliEnvironment environment)
    {
        using var rt = new Runtime(profile);
        using var gil = rt.Enter();
        using var root = rt.OpenScope();
        var graph = TaskGraph.Define(rt);
        var live = rt.Dict(); // id → Task, as the talk's server keeps them
        var window = settings.ChurnWindow;
        for (var i = 0; i < window; i++)
        {
            using var scope = rt.OpenScope();
            var key = rt.Int(i);
            live[key] = graph.MakeTask(key, weak);
        }

        long first = window;
        for (; first < window + settings.ChurnWarmupSteps; first++)
        {
            using var scope = rt.OpenScope();
            var key = rt.Int(first);
            live[key] = graph.MakeTask(key, weak);
            rt.DelItem(live, rt.Int(first - window));
        }

        rt.Gc.Collect();
        var before = rt.Gc.GetStats().Select(s => s.Collections).ToArray();
        var longest = TimeSpan.Zero;
        void OnCollected(CollectionResult r) => longest = r.Elapsed > longest ? r.Elapsed : longest;
        rt.Gc.Collected += OnCollected;
        var most = rt.LiveInstances(graph.TaskClass);
        var watch = Stopwatch.StartNew();
        for (var i = first; i < first + settings.Tasks; i++)
        {
            using var scope = rt.OpenScope();
            var key = rt.Int(i);
            live[key] = graph.MakeTask(key, weak);
            rt.DelItem(live, rt.Int(i - window));
            most = Math.Max(most, rt.LiveInstances(graph.TaskClass));
        }

        var elapsed = watch.Elapsed;
        rt.Gc.Collected -= OnCollected;
        var after = rt.Gc.GetStats().Select(s => s.Collections).ToArray();
        return Measurements(
            settings,
            settings.Tasks / elapsed.TotalSeconds,
            most,
            longest.TotalMilliseconds,
            [after[0] - before[0], after[1] - before[1], after[2] - before[2]],
            LiveMethodRefheap,
            PauseMethodRefheap);
    }

    public (string Script, IReadOnlyList<string> Arguments) CPythonScript(BenchSettings settings) =>
    (
        "churn.py",
        [
            weak ? "weak" : "strong",
            settings.Tasks.ToString(CultureInfo.InvariantCulture),
            settings.ChurnWindow.ToString(CultureInfo.InvariantCulture),
            settings.Seed.ToString(CultureInfo.InvariantCulture),
            settings.ChurnWarmupSteps.ToString(CultureInfo.InvariantCulture),
        ]
    );

    public IReadOnlyList<Measurement> ReadCPython(JsonElement output, BenchSettings settings) =>
        Measurements(
            settings,
            output.GetProperty("tasks_per_second").GetDouble(),
            output.GetProperty("max_live_tasks").GetInt64(),
            output.GetProperty("longest_pause_ms").GetDouble(),
            [output.GetProperty("gen0_collections").GetInt64(), output.GetProperty("gen1_collections").GetInt64(), output.GetProperty("gen2_collections").GetInt64()],
            LiveMethodCPython,
            output.GetProperty("pause_method").GetString() switch
            {
                "gc.callbacks" => "time from the gc.callbacks \"start\" to the \"stop\" call of each collection",
                var other => $"{other}, in an untimed pass of as many steps after the timed ones: a collecting step's time minus the mean time of the other steps",
            });

    private List<Measurement> Measurements(BenchSettings settings, double tasksPerSecond, long maxLive, double longestPauseMs, long[] collections, string liveMethod, string pauseMethod) =>
    [
        new(Name, "tasks_per_second", tasksPerSecond, settings.Tasks),
        new(Name, "max_live_tasks", maxLive, settings.Tasks, Method: liveMethod),
        new(Name, "longest_pause", longestPauseMs, settings.Tasks, Method: pauseMethod),
        new(Name, "gen0_collections", collections[0], settings.Tasks),
        new(Name, "gen1_collections", collections[1], settings.Tasks),
        new(Name, "gen2_collections", collections[2], settings.Tasks),
    ];
}
