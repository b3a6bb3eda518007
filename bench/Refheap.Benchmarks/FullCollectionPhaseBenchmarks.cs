using BenchmarkDotNet.Attributes;
using Refheap.Cli.Bench;
using Refheap.Gc;

namespace Refheap.Benchmarks;

/// <summary>
/// Each phase of a full collection (<c>gc.collect()</c>) alone, on a live Task graph of
/// <see cref="CollectorPhaseBenchmarks.Tasks"/> Tasks settled in the oldest generation (built
/// once: a full collection of it frees nothing and leaves it as it was), per profile. A full
/// collection with nothing frozen runs update and subtract refs as one pass, and untracks atomic
/// dicts.
/// </summary>
[InvocationCount(1)]
[Config(typeof(PhaseBenchmarkConfig))]
public class FullCollectionPhaseBenchmarks : CollectorPhaseBenchmarks
{
    /// <summary>The profile measured.</summary>
    [Params("py27", "py312")]
    public string Profile { get; set; } = "py27";

    /// <inheritdoc/>
    protected override string ProfileName => Profile;

    /// <summary>The graph, which the setup's collection moves into the oldest generation.</summary>
    protected override void BuildLastingObjects() => TaskGraph.Build(Runtime, Tasks);

    /// <summary>Collection not started.</summary>
    [IterationSetup(Targets = [nameof(MergeYoungerGenerations)])]
    public void BeforeMergeYoungerGenerations() => StartAt(2, CollectionStep.MergeYoungerGenerations);

    /// <summary>Generations merged.</summary>
    [IterationSetup(Targets = [nameof(UpdateAndSubtractRefs)])]
    public void BeforeUpdateAndSubtractRefs() => StartAt(2, CollectionStep.UpdateAndSubtractRefs);

    /// <summary>gc_refs counting only outside references.</summary>
    [IterationSetup(Targets = [nameof(MoveUnreachable)])]
    public void BeforeMoveUnreachable() => StartAt(2, CollectionStep.MoveUnreachable);

    /// <summary>Split; candidate dicts gathered.</summary>
    [IterationSetup(Targets = [nameof(UntrackAtomicDicts)])]
    public void BeforeUntrackAtomicDicts() => StartAt(2, CollectionStep.UntrackAtomicDicts);

    /// <summary>Atomic dicts untracked.</summary>
    [IterationSetup(Targets = [nameof(PromoteSurvivors)])]
    public void BeforePromoteSurvivors() => StartAt(2, CollectionStep.PromoteSurvivors);

    /// <summary>The counts updated, the younger generations (empty here) merged into the oldest.</summary>
    [Benchmark]
    public void MergeYoungerGenerations() => RunPhase();

    /// <summary>update_refs and subtract_refs in one pass over the whole heap.</summary>
    [Benchmark]
    public void UpdateAndSubtractRefs() => RunPhase();

    /// <summary>move_unreachable of the whole heap, gathering the dicts that may be untracked.</summary>
    [Benchmark]
    public void MoveUnreachable() => RunPhase();

    /// <summary>The candidate dicts checked (none here: the graph's dicts hold tracked objects).</summary>
    [Benchmark]
    public void UntrackAtomicDicts() => RunPhase();

    /// <summary>The long-lived counts kept (the survivors stay in the oldest generation).</summary>
    [Benchmark]
    public void PromoteSurvivors() => RunPhase();

    /// <summary>Nothing to free: the graph stays for the next iteration.</summary>
    protected override void FreeGraph()
    {
    }
}
