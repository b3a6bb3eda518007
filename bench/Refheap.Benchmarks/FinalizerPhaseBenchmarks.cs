using BenchmarkDotNet.Attributes;
using Refheap.Gc;

namespace Refheap.Benchmarks;

/// <summary>
/// The finalizer phases of <c>gc.collect(0)</c> alone, on a young generation that is one
/// garbage Task graph of <see cref="CollectorPhaseBenchmarks.Tasks"/> Tasks whose class has a
/// <c>__del__</c> (a C# method that does nothing). py312 only (PEP 442: each finalizer runs once,
/// then the garbage is checked for resurrection); 2.7's handling is in
/// <see cref="LegacyFinalizerPhaseBenchmarks"/>.
/// </summary>
[InvocationCount(1)]
[Config(typeof(PhaseBenchmarkConfig))]
public class FinalizerPhaseBenchmarks : CollectorPhaseBenchmarks
{
    /// <summary>The profile measured: the one with PEP 442 finalizers.</summary>
    [Params("py312")]
    public string Profile { get; set; } = "py312";

    /// <inheritdoc/>
    protected override string ProfileName => Profile;

    /// <summary>Garbage with finalizers, split.</summary>
    [IterationSetup(Targets = [nameof(FinalizeGarbage)])]
    public void BeforeFinalizeGarbage() => Start(CollectionStep.FinalizeGarbage);

    /// <summary>Garbage with finalizers, each finalizer run.</summary>
    [IterationSetup(Targets = [nameof(HandleResurrectedObjects)])]
    public void BeforeHandleResurrectedObjects() => Start(CollectionStep.HandleResurrectedObjects);

    /// <summary>finalize_garbage: each Task's <c>__del__</c> called once.</summary>
    [Benchmark]
    public void FinalizeGarbage() => RunPhase();

    /// <summary>handle_resurrected_objects: the reachability analysis again on the finalized garbage (nothing came back).</summary>
    [Benchmark]
    public void HandleResurrectedObjects() => RunPhase();

    private void Start(CollectionStep phase)
    {
        BuildFinalizingGarbageGraph();
        StartAt(0, phase);
    }
}
