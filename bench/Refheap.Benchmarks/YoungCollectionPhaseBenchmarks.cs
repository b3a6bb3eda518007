using BenchmarkDotNet.Attributes;
using Refheap.Gc;

namespace Refheap.Benchmarks;

/// <summary>
/// Each phase of <c>gc.collect(0)</c> alone, on a young generation that is exactly one Task
/// graph of <see cref="CollectorPhaseBenchmarks.Tasks"/> Tasks, per profile: live (kept by a
/// list: everything survives) or garbage (every Task an unreachable cycle) where the phase's
/// work depends on it. A young collection runs update and subtract refs as two passes.
/// </summary>
[InvocationCount(1)]
[Config(typeof(PhaseBenchmarkConfig))]
public class YoungCollectionPhaseBenchmarks : CollectorPhaseBenchmarks
{
    /// <summary>The profile measured.</summary>
    [Params("py27", "py312")]
    public string Profile { get; set; } = "py27";

    /// <inheritdoc/>
    protected override string ProfileName => Profile;

    /// <summary>Live graph, collection started.</summary>
    [IterationSetup(Targets = [nameof(UpdateRefs)])]
    public void BeforeUpdateRefs() => Live(CollectionStep.UpdateRefs);

    /// <summary>Live graph, gc_refs set.</summary>
    [IterationSetup(Targets = [nameof(SubtractRefs)])]
    public void BeforeSubtractRefs() => Live(CollectionStep.SubtractRefs);

    /// <summary>Live graph, gc_refs counting only outside references.</summary>
    [IterationSetup(Targets = [nameof(MoveUnreachableLive)])]
    public void BeforeMoveUnreachableLive() => Live(CollectionStep.MoveUnreachable);

    /// <summary>Garbage graph, gc_refs counting only outside references (none).</summary>
    [IterationSetup(Targets = [nameof(MoveUnreachableGarbage)])]
    public void BeforeMoveUnreachableGarbage() => Garbage(CollectionStep.MoveUnreachable);

    /// <summary>Live graph, split (everything reachable).</summary>
    [IterationSetup(Targets = [nameof(PromoteSurvivors)])]
    public void BeforePromoteSurvivors() => Live(CollectionStep.PromoteSurvivors);

    /// <summary>Garbage graph whose Tasks each have a live weak reference, split.</summary>
    [IterationSetup(Targets = [nameof(HandleWeakReferences)])]
    public void BeforeHandleWeakReferences()
    {
        BuildGarbageGraph(weaklyWatched: true);
        StartAt(0, CollectionStep.HandleWeakReferences);
    }

    /// <summary>Garbage graph, split, nothing with a finalizer or a weak reference.</summary>
    [IterationSetup(Targets = [nameof(DeleteGarbage)])]
    public void BeforeDeleteGarbage() => Garbage(CollectionStep.DeleteGarbage);

    /// <summary>update_refs: gc_refs = reference count for each young object.</summary>
    [Benchmark]
    public void UpdateRefs() => RunPhase();

    /// <summary>subtract_refs: the references between young objects subtracted (every object's references visited).</summary>
    [Benchmark]
    public void SubtractRefs() => RunPhase();

    /// <summary>move_unreachable on a live graph: every object reachable, its references visited.</summary>
    [Benchmark]
    public void MoveUnreachableLive() => RunPhase();

    /// <summary>move_unreachable on garbage: every object moved to the unreachable list.</summary>
    [Benchmark]
    public void MoveUnreachableGarbage() => RunPhase();

    /// <summary>The survivors moved to generation 1 (a list splice).</summary>
    [Benchmark]
    public void PromoteSurvivors() => RunPhase();

    /// <summary>handle_weakrefs: a live weak reference to each garbage Task cleared.</summary>
    [Benchmark]
    public void HandleWeakReferences() => RunPhase();

    /// <summary>delete_garbage: each garbage object cleared, the whole graph freed.</summary>
    [Benchmark]
    public void DeleteGarbage() => RunPhase();

    private void Live(CollectionStep phase)
    {
        BuildLiveGraph();
        StartAt(0, phase);
    }

    private void Garbage(CollectionStep phase)
    {
        BuildGarbageGraph();
        StartAt(0, phase);
    }
}
