using System.Diagnostics;

namespace Refheap.Gc;

/// <remarks>
/// <see cref="Collect"/> cut at its phase calls, for <see cref="CollectionStepper"/>: each case
/// of <see cref="RunStep"/> is the stretch of Collect from one phase call to the next, with the
/// locals Collect keeps in the stepper instead. Keep the two in step: a change to Collect's
/// sequence is a change here too (CollectionStepperTests checks they agree).
/// </remarks>
internal sealed unsafe partial class Collector
{
    /// <summary>
    /// Starts a collection of generation <paramref name="generation"/> (and all younger ones)
    /// to be run one phase at a time; nothing has run yet.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a generation (0..2).</exception>
    /// <exception cref="InvalidOperationException">A collection is running.</exception>
    internal CollectionStepper StartStepping(int generation)
    {
        if ((uint)generation >= Generations)
        {
            throw new ArgumentOutOfRangeException(nameof(generation), "invalid generation");
        }

        if (_collecting)
        {
            throw new InvalidOperationException("a collection is running");
        }

        _collecting = true;
        return new CollectionStepper(this, generation);
    }

    /// <summary>
    /// Runs the phase <paramref name="s"/> is at, then skips to the next phase that applies. A
    /// phase that throws ends the collection there, as Collect's caller does (the collector no
    /// longer counts as collecting).
    /// </summary>
    internal void RunStep(CollectionStepper s)
    {
        var step = s.Next;
        var ran = false;
        try
        {
            RunPhase(s, step);
            ran = true;
        }
        finally
        {
            if (!ran)
            {
                s.Next = CollectionStep.Done;
                _collecting = false;
            }
        }

        if (step == CollectionStep.HandleLegacyFinalizers)
        {
            s.Next = CollectionStep.Done;
            return;
        }

        step++;
        while (!Applies(s, step))
        {
            Skip(s, step);
            step++;
        }

        s.Next = step;
    }

    private void RunPhase(CollectionStepper s, CollectionStep step)
    {
        switch (step)
        {
            case CollectionStep.MergeYoungerGenerations:
                StepMergeYoungerGenerations(s);
                break;
            case CollectionStep.UpdateRefs:
                ValidateList(s.Young, 0);
                s.Examined = UpdateRefs(s.Young);
                break;
            case CollectionStep.SubtractRefs:
                SubtractRefs(s.Young);
                Notify(CollectionPhase.SubtractRefs, s.Young, null);
                break;
            case CollectionStep.UpdateAndSubtractRefs:
                ValidateList(s.Young, 0);
                s.Examined = UpdateAndSubtractRefs(s.Young);
                Notify(CollectionPhase.SubtractRefs, s.Young, null);
                break;
            case CollectionStep.MoveUnreachable:
                StepMoveUnreachable(s);
                break;
            case CollectionStep.UntrackAtomicDicts:
                s.Survivors -= UntrackAtomicDicts();
                break;
            case CollectionStep.PromoteSurvivors:
                PromoteSurvivors(s.Generation, s.Young, s.Old, s.Survivors);
                break;
            case CollectionStep.MoveLegacyFinalizers:
                StepMoveLegacyFinalizers(s);
                break;
            case CollectionStep.HandleWeakReferences:
                s.Collected += Weak.WeakReferenceLists.HandleWeakReferences(_heap, s.Unreachable, s.Old, out var callbacksRan);
                s.CallbacksRan = callbacksRan;
                Notify(CollectionPhase.WeakReferences, s.Unreachable, null);
                break;
            case CollectionStep.FinalizeGarbage:
                FinalizeGarbage(s.Unreachable);
                break;
            case CollectionStep.HandleResurrectedObjects:
                HandleResurrectedObjects(s.Unreachable, s.StillUnreachable, s.Old);
                Notify(CollectionPhase.Resurrection, s.StillUnreachable, null);
                s.Collected += GcList.Count(s.StillUnreachable);
                s.Garbage = s.StillUnreachable;
                break;
            case CollectionStep.DeleteGarbage:
                DeleteGarbage(s.Garbage, s.Old);
                break;
            case CollectionStep.HandleLegacyFinalizers:
                StepHandleLegacyFinalizers(s);
                break;
            default:
                throw new InvalidOperationException($"no phase {step}");
        }
    }

    private void StepMergeYoungerGenerations(CollectionStepper s)
    {
        var generation = s.Generation;
        if (Debug.HasFlag(GcDebugFlags.Stats))
        {
            WriteStatsHeader(generation);
        }

        if (generation + 1 < Generations)
        {
            _counts[generation + 1]++;
        }

        for (var i = 0; i <= generation; i++)
        {
            _counts[i] = 0;
        }

        s.Young = MergeYoungerGenerations(generation);
        s.Old = generation < Generations - 1 ? Head(generation + 1) : s.Young;
        s.Full = s.Young == s.Old;
        s.Fused = s.Full && GcList.IsEmpty(Head(Generations));
        s.Garbage = s.Unreachable;
    }

    private void StepMoveUnreachable(CollectionStepper s)
    {
        s.Survivors = MoveUnreachable(s.Young, s.Unreachable, untrackAtomic: true, collectDicts: s.Full, out var unreachableCount, out var finalizerSeen, out var weakReferenceSeen);
        s.UnreachableCount = unreachableCount;
        s.FinalizerSeen = finalizerSeen;
        s.WeakReferenceSeen = weakReferenceSeen;
        Notify(CollectionPhase.MoveUnreachable, s.Young, s.Unreachable);
        ValidateList(s.Young, 0);
    }

    private void StepMoveLegacyFinalizers(CollectionStepper s)
    {
        s.AnyFinalizer = s.FinalizerSeen && MoveLegacyFinalizers(s.Unreachable, s.Finalizers);
        if (!s.AnyFinalizer)
        {
            GcList.Init(s.Finalizers);
        }

        MoveLegacyFinalizerReachable(s.Finalizers);
        Notify(CollectionPhase.LegacyFinalizers, s.Unreachable, s.Finalizers);
        if (_heap.Profile.LegacyFinalizers)
        {
            s.Collected = s.AnyFinalizer ? GcList.Count(s.Unreachable) : s.UnreachableCount;
        }

        ReportCollectable(s.Unreachable);
    }

    private void StepHandleLegacyFinalizers(CollectionStepper s)
    {
        var uncollectable = HandleLegacyFinalizers(s.Finalizers, s.Old);
        ValidateGenerations(s.Generation);
        if (s.Generation == Generations - 1)
        {
            _heap.FreeLists.ClearForFullCollection();
        }

        // The time of the steps so far; the stepper adds this last one's once it returns.
        var elapsed = Stopwatch.GetElapsedTime(0, s.ElapsedTicks);
        if (Debug.HasFlag(GcDebugFlags.Stats))
        {
            WriteStatsFooter(s.Collected, uncollectable, elapsed);
        }

        s.Result = new CollectionResult(s.Generation, s.Examined, s.Collected, uncollectable, elapsed);
        _collecting = false;
    }

    /// <summary>Whether Collect runs <paramref name="step"/> in the collection <paramref name="s"/> is running.</summary>
    private bool Applies(CollectionStepper s, CollectionStep step) => step switch
    {
        CollectionStep.UpdateRefs or CollectionStep.SubtractRefs => !s.Fused,
        CollectionStep.UpdateAndSubtractRefs => s.Fused,
        CollectionStep.UntrackAtomicDicts => s.Full,
        CollectionStep.HandleWeakReferences => s.WeakReferenceSeen,
        CollectionStep.FinalizeGarbage or CollectionStep.HandleResurrectedObjects => !_heap.Profile.LegacyFinalizers && s.AnyFinalizer,
        _ => true,
    };

    /// <summary>What Collect does in place of a phase it does not run.</summary>
    private void Skip(CollectionStepper s, CollectionStep step)
    {
        if (step == CollectionStep.HandleWeakReferences)
        {
            Notify(CollectionPhase.WeakReferences, s.Unreachable, null);
        }
        else if (step == CollectionStep.HandleResurrectedObjects && !_heap.Profile.LegacyFinalizers)
        {
            // No finalizer ran, so nothing can have been resurrected (as in Collect).
            Notify(CollectionPhase.Resurrection, s.Unreachable, null);
            s.Collected += s.CallbacksRan ? GcList.Count(s.Unreachable) : s.UnreachableCount;
        }
    }
}
