using BenchmarkDotNet.Attributes;
using Refheap.Cli.Bench;
using Refheap.Diagnostics.Cycles;

namespace Refheap.Benchmarks;

/// <summary>
/// What the cycle report adds to a collection: a full collection of <see cref="Tasks"/>
/// dropped Task graphs (every one a garbage cycle, as the experiment's version 1 leaves them),
/// plain (<see cref="FullCollectionOfDroppedTasks"/>) and with a <see cref="CycleReporter"/>
/// attached (<see cref="FullCollectionOfDroppedTasksWithReport"/>), whose analysis runs inside
/// the collection. The difference is the report's cost; the ratio is what it adds to a pause.
/// Each iteration builds the garbage anew (<c>[IterationSetup]</c>, not timed): a collection
/// uses it up.
/// </summary>
[InvocationCount(1)]
public class CycleReportBenchmarks
{
    /// <summary>Tasks dropped before each collection.</summary>
    public const int Tasks = 5_000;

    private Runtime _runtime = null!;
    private HandleScope _root;
    private TaskGraph _graph = null!;
    private CycleReporter? _reporter;

    /// <summary>The profile measured.</summary>
    [Params("py27", "py312")]
    public string Profile { get; set; } = "py27";

    /// <summary>Makes the runtime and the classes, automatic collection off.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = new Runtime(Refheap.Profile.FromName(Profile));
        _root = _runtime.OpenScope();
        _runtime.Gc.Disable();
        _graph = TaskGraph.Define(_runtime);
    }

    /// <summary>Releases the runtime.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _reporter?.Dispose();
        _root.Dispose();
        _runtime.Dispose();
    }

    /// <summary>Drops the Tasks, then no report.</summary>
    [IterationSetup(Target = nameof(FullCollectionOfDroppedTasks))]
    public void DropTasks()
    {
        _reporter?.Dispose();
        _reporter = null;
        Drop();
    }

    /// <summary>Drops the Tasks, then attaches the report.</summary>
    [IterationSetup(Target = nameof(FullCollectionOfDroppedTasksWithReport))]
    public void DropTasksAndReport()
    {
        _reporter ??= CycleReporter.Attach(_runtime);
        Drop();
    }

    /// <summary><c>gc.collect()</c> freeing the dropped Tasks.</summary>
    [Benchmark(Baseline = true)]
    public long FullCollectionOfDroppedTasks() => _runtime.Gc.Collect();

    /// <summary>The same collection with the cycle report's analysis of its garbage.</summary>
    [Benchmark]
    public long FullCollectionOfDroppedTasksWithReport() => _runtime.Gc.Collect();

    private void Drop()
    {
        using var scope = _runtime.OpenScope();
        using var gil = _runtime.Enter();
        for (var i = 0; i < Tasks; i++)
        {
            using var task = _runtime.OpenScope();
            _graph.MakeTask(i);
        }
    }
}
