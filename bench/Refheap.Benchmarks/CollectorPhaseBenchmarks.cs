using BenchmarkDotNet.Attributes;
using Refheap.Cli.Bench;
using Refheap.Gc;

namespace Refheap.Benchmarks;

/// <summary>
/// What the benchmarks of one collector phase share: a runtime of the profile (automatic
/// collection off), a Task graph of <see cref="Tasks"/> Tasks, and a collection run phase by
/// phase (<see cref="CollectionStepper"/>). Each iteration brings a collection to the phase
/// measured, outside the timing (<c>[IterationSetup]</c>: build the graph, start the collection,
/// run the phases before), times that one phase (<see cref="RunPhase"/>), then
/// (<c>[IterationCleanup]</c>) runs the rest of the collection and frees the graph, so that
/// every iteration starts from the same heap and none leaves garbage behind: the cleanup
/// checks the live objects against a census taken after <see cref="Setup"/> and fails the run
/// when they differ.
/// </summary>
public abstract class CollectorPhaseBenchmarks
{
    /// <summary>Tasks in each graph.</summary>
    public const int Tasks = 20_000;

    private HandleScope _root;
    private HandleScope _graphScope;
    private CollectionStepper? _stepper;
    private Census? _census;

    /// <summary>The runtime (made by <see cref="Setup"/>).</summary>
    protected Runtime Runtime { get; private set; } = null!;

    /// <summary>The profile measured (the derived class's <c>Profile</c> parameter).</summary>
    protected abstract string ProfileName { get; }

    /// <summary>Makes the runtime (automatic collection off) and what lives through every iteration; takes the census.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Runtime = new Runtime(Refheap.Profile.FromName(ProfileName));
        _root = Runtime.OpenScope();
        Runtime.Gc.Disable();
        _ = Runtime.Heap.Gc.EnsureGarbage(); // gc.garbage outlives the iterations that fill it
        BuildLastingObjects();
        Runtime.Gc.Collect();
        _census = Runtime.TakeCensus();
    }

    /// <summary>Releases the runtime.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _root.Dispose();
        Runtime.Dispose();
    }

    /// <summary>Ends the collection the iteration measured a phase of, and frees its graph (not timed).</summary>
    [IterationCleanup]
    public void FinishCollection()
    {
        _stepper?.Dispose();
        _stepper = null;
        FreeGraph();
        var left = Runtime.TakeCensus().Since(_census!);
        if (left.Count != 0)
        {
            throw new InvalidOperationException("the iteration left objects behind: " + string.Join(", ", left.Select(p => $"{p.Key} {p.Value:+#;-#}")));
        }
    }

    /// <summary>Builds what every iteration finds on the heap (nothing by default), in the setup's scope.</summary>
    protected virtual void BuildLastingObjects()
    {
    }

    /// <summary>Frees what the iteration built: closes the graph's scope and collects.</summary>
    protected virtual void FreeGraph()
    {
        _graphScope.Dispose();
        _graphScope = default;
        Runtime.Gc.Collect();
    }

    /// <summary>A young graph of <see cref="Tasks"/> Tasks kept alive by a list, in generation 0 alone.</summary>
    protected void BuildLiveGraph()
    {
        _graphScope = Runtime.OpenScope();
        TaskGraph.Build(Runtime, Tasks);
    }

    /// <summary>
    /// A young graph of <see cref="Tasks"/> Tasks that are garbage cycles, in generation 0
    /// alone; with <paramref name="weaklyWatched"/>, a live list holds a weak reference to each
    /// Task (so the weakref phase has one to clear for each).
    /// </summary>
    protected void BuildGarbageGraph(bool weaklyWatched = false)
    {
        _graphScope = Runtime.OpenScope();
        var rt = Runtime;
        var watchers = weaklyWatched ? rt.List() : default;
        using var scope = rt.OpenScope();
        var list = TaskGraph.Build(rt, Tasks);
        for (var i = 0; weaklyWatched && i < Tasks; i++)
        {
            using var item = rt.OpenScope();
            rt.Append(watchers, rt.WeakRef(rt.GetItem(list, rt.Int(i))));
        }
    }

    /// <summary>
    /// A young graph of <see cref="Tasks"/> Tasks that are garbage cycles, in generation 0 alone,
    /// whose Task class has a <c>__del__</c> (a C# method that does nothing).
    /// </summary>
    protected void BuildFinalizingGarbageGraph()
    {
        var rt = Runtime;
        using var scope = rt.OpenScope();
        var graph = TaskGraph.Define(rt);
        graph.TaskClass.SetAttr("__del__", rt.Method("__del__", (_, _) => rt.None));
        graph.AddTasks(rt.List(), Tasks);
    }

    /// <summary>Starts a collection of <paramref name="generation"/> and runs it up to <paramref name="phase"/>.</summary>
    private protected void StartAt(int generation, CollectionStep phase)
    {
        _stepper = Runtime.Heap.Gc.StartStepping(generation);
        _stepper.RunUntil(phase);
    }

    /// <summary>Runs the phase the collection is at: the timed part.</summary>
    protected void RunPhase() => _stepper!.Step();
}
