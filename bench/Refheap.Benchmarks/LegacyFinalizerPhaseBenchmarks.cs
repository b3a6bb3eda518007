using BenchmarkDotNet.Attributes;
using Refheap.Gc;

namespace Refheap.Benchmarks;

/// <summary>
/// The finalizer phases of <c>gc.collect(0)</c> alone on py27, on a young generation that is
/// one garbage Task graph of <see cref="CollectorPhaseBenchmarks.Tasks"/> Tasks whose class has a
/// <c>__del__</c>: 2.7 never collects such a cycle, so every Task and all it reaches moves out of
/// the garbage and each Task ends in gc.garbage. The cleanup breaks those cycles (deletes each
/// Task's <c>_subtasks</c>) and empties gc.garbage, so that nothing stays behind.
/// </summary>
[InvocationCount(1)]
[Config(typeof(PhaseBenchmarkConfig))]
public class LegacyFinalizerPhaseBenchmarks : CollectorPhaseBenchmarks
{
    /// <summary>The profile measured: the one with legacy finalizers.</summary>
    [Params("py27")]
    public string Profile { get; set; } = "py27";

    /// <inheritdoc/>
    protected override string ProfileName => Profile;

    /// <summary>Garbage with finalizers, split.</summary>
    [IterationSetup(Targets = [nameof(MoveLegacyFinalizers)])]
    public void BeforeMoveLegacyFinalizers() => Start(CollectionStep.MoveLegacyFinalizers);

    /// <summary>The finalizers and all they reach moved out of the garbage, which is freed.</summary>
    [IterationSetup(Targets = [nameof(HandleLegacyFinalizers)])]
    public void BeforeHandleLegacyFinalizers() => Start(CollectionStep.HandleLegacyFinalizers);

    /// <summary>move_legacy_finalizers and move_legacy_finalizer_reachable: the whole graph moved to the finalizers list.</summary>
    [Benchmark]
    public void MoveLegacyFinalizers() => RunPhase();

    /// <summary>handle_legacy_finalizers: each Task appended to gc.garbage, the list merged into the older generation.</summary>
    [Benchmark]
    public void HandleLegacyFinalizers() => RunPhase();

    /// <summary>Breaks the cycles left in gc.garbage, empties it and collects.</summary>
    protected override void FreeGraph()
    {
        var rt = Runtime;
        using (rt.OpenScope())
        {
            var garbage = rt.Gc.Garbage;
            for (var i = rt.Length(garbage) - 1; i >= 0; i--)
            {
                using var item = rt.OpenScope();
                var index = rt.Int(i);
                rt.GetItem(garbage, index).DelAttr("_subtasks");
                rt.DelItem(garbage, index);
            }
        }

        base.FreeGraph();
    }

    private void Start(CollectionStep phase)
    {
        BuildFinalizingGarbageGraph();
        StartAt(0, phase);
    }
}
