using BenchmarkDotNet.Attributes;
using Refheap.Cli.Bench;

namespace Refheap.Benchmarks;

/// <summary>
/// Whole collections on fixed Task graphs (bench's TaskGraph, the one <c>refheap bench</c> builds),
/// per profile; each phase alone is measured by <see cref="YoungCollectionPhaseBenchmarks"/>,
/// <see cref="FullCollectionPhaseBenchmarks"/> and the finalizer phase benchmarks. Here the
/// graphs tell the work apart:
/// <list type="bullet">
/// <item><see cref="YoungCollectionLive"/>: <c>gc.collect(0)</c> of a young generation that all
/// survives — subtract refs, move_unreachable and the promotion of survivors, nothing freed;</item>
/// <item><see cref="YoungCollectionGarbage"/>: <c>gc.collect(0)</c> of a young generation that
/// is all garbage cycles — the same scan, then clearing and deallocating every object;</item>
/// <item><see cref="FullCollectionLive"/> (in <see cref="FullCollectionBenchmarks"/>): a full
/// collection of a settled live graph, repeatable as is.</item>
/// </list>
/// A young generation is used up by its collection, so each iteration builds a new one
/// (<c>[IterationSetup]</c>, one collection per iteration, not timed) and frees it afterwards.
/// </summary>
[InvocationCount(1)]
public class CollectorBenchmarks
{
    /// <summary>Tasks in each young graph: 13 tracked objects each on py27, 7 on py312.</summary>
    public const int YoungTasks = 20_000;

    private Runtime _runtime = null!;
    private HandleScope _root;
    private HandleScope _graphScope;

    /// <summary>The profile measured.</summary>
    [Params("py27", "py312")]
    public string Profile { get; set; } = "py27";

    /// <summary>Makes the runtime, automatic collection off.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = new Runtime(Refheap.Profile.FromName(Profile));
        _root = _runtime.OpenScope();
        _runtime.Gc.Disable();
    }

    /// <summary>Releases the runtime.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _root.Dispose();
        _runtime.Dispose();
    }

    /// <summary>A young graph kept alive by a list.</summary>
    [IterationSetup(Target = nameof(YoungCollectionLive))]
    public void BuildLiveYoungGraph()
    {
        _runtime.Gc.Collect();
        _graphScope = _runtime.OpenScope();
        TaskGraph.Build(_runtime, YoungTasks);
    }

    /// <summary>A young graph of garbage cycles.</summary>
    [IterationSetup(Target = nameof(YoungCollectionGarbage))]
    public void BuildGarbageYoungGraph()
    {
        _runtime.Gc.Collect();
        using (_runtime.OpenScope())
        {
            TaskGraph.Build(_runtime, YoungTasks);
        }
    }

    /// <summary>Frees what the iteration left (not timed).</summary>
    [IterationCleanup]
    public void FreeGraph()
    {
        _graphScope.Dispose();
        _runtime.Gc.Collect();
    }

    /// <summary><c>gc.collect(0)</c>: every young object survives and moves to generation 1.</summary>
    [Benchmark]
    public long YoungCollectionLive() => _runtime.Gc.Collect(0);

    /// <summary><c>gc.collect(0)</c>: every young object is an unreachable cycle and is freed.</summary>
    [Benchmark]
    public long YoungCollectionGarbage() => _runtime.Gc.Collect(0);
}

/// <summary>A full collection of a settled live Task graph (nothing to free), per profile.</summary>
public class FullCollectionBenchmarks
{
    /// <summary>Tasks in the graph.</summary>
    public const int Tasks = 20_000;

    private Runtime _runtime = null!;
    private HandleScope _root;

    /// <summary>The profile measured.</summary>
    [Params("py27", "py312")]
    public string Profile { get; set; } = "py27";

    /// <summary>Builds the graph and settles it in the oldest generation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = new Runtime(Refheap.Profile.FromName(Profile));
        _root = _runtime.OpenScope();
        _runtime.Gc.Disable();
        TaskGraph.Build(_runtime, Tasks);
        _runtime.Gc.Collect();
    }

    /// <summary>Releases the runtime.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _root.Dispose();
        _runtime.Dispose();
    }

    /// <summary><c>gc.collect()</c> of the live graph.</summary>
    [Benchmark]
    public long FullCollectionLive() => _runtime.Gc.Collect();
}
