using System.Diagnostics;
using System.Runtime.InteropServices;
using Refheap.Objects;

namespace Refheap.Gc;

/// <summary>
/// One collection run a phase at a time, for benchmarks of a single phase and for tests:
/// <see cref="Step"/> runs the phase <see cref="Next"/> names, exactly as <c>Collector.Collect</c>
/// would at that point; run to the end, the heap is as Collect leaves it and <see cref="Result"/>
/// is what Collect returns. Made by <see cref="Collector.StartStepping"/>.
/// </summary>
/// <remarks>
/// Between two steps the heap is in the middle of a collection — the young objects' Prev fields
/// hold gc_refs instead of back links, the garbage sits in this stepper's lists — so the caller
/// must leave the heap alone until the collection is done: no allocation, no reference count
/// change and no call into Python code. The collector counts as collecting meanwhile (no other
/// collection starts). <see cref="Dispose"/> runs whatever is left, so a stepper dropped halfway
/// still ends the collection. Only <c>Collect</c> itself runs: no gc.callbacks, no stats, no pause
/// record, no <c>Collected</c> event (those belong to the callers of Collect). Collect does not
/// use this type and pays nothing for it.
/// </remarks>
internal sealed unsafe class CollectionStepper : IDisposable
{
    private readonly Collector _collector;

    // Native list heads (unreachable, finalizers, still unreachable): objects' GcHead links
    // point at them, so they must not move — never in managed memory. Null once disposed.
    private GcHead* _lists;

    internal CollectionStepper(Collector collector, int generation)
    {
        _collector = collector;
        Generation = generation;
        _lists = (GcHead*)NativeMemory.AllocZeroed((nuint)(sizeof(GcHead) * 3));
        GcList.Init(Unreachable);
        GcList.Init(Finalizers);
        GcList.Init(StillUnreachable);
        Next = CollectionStep.MergeYoungerGenerations;
    }

    /// <summary>The generation collected, with all younger ones.</summary>
    public int Generation { get; }

    /// <summary>The phase the next <see cref="Step"/> runs; <see cref="CollectionStep.Done"/> at the end.</summary>
    public CollectionStep Next { get; internal set; }

    /// <summary>Whether the collection is over.</summary>
    public bool IsDone => Next == CollectionStep.Done;

    /// <summary>The collection's record, as Collect returns it (valid once done); Elapsed is the time spent in the steps.</summary>
    public CollectionResult Result { get; internal set; }

    // The state Collect keeps in its locals, kept here between steps by Collector.Stepping.cs.
    internal GcHead* Young { get; set; }

    internal GcHead* Old { get; set; }

    internal bool Full { get; set; }

    internal bool Fused { get; set; }

    internal GcHead* Unreachable => &_lists[0];

    internal GcHead* Finalizers => &_lists[1];

    internal GcHead* StillUnreachable => &_lists[2];

    /// <summary>The list DeleteGarbage clears: the unreachable list, or (3.12, after finalizers) what is still unreachable.</summary>
    internal GcHead* Garbage { get; set; }

    internal long Examined { get; set; }

    internal long Survivors { get; set; }

    internal long UnreachableCount { get; set; }

    internal bool FinalizerSeen { get; set; }

    internal bool WeakReferenceSeen { get; set; }

    internal bool AnyFinalizer { get; set; }

    internal bool CallbacksRan { get; set; }

    internal long Collected { get; set; }

    internal long ElapsedTicks { get; set; }

    /// <summary>Runs the phase <see cref="Next"/> names and moves on to the next one that applies (a phase that throws ends the collection).</summary>
    /// <exception cref="InvalidOperationException">The collection is over.</exception>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(_lists == null, this);
        if (IsDone)
        {
            throw new InvalidOperationException("the collection is over");
        }

        var started = Stopwatch.GetTimestamp();
        _collector.RunStep(this);
        ElapsedTicks += Stopwatch.GetTimestamp() - started;
        if (IsDone)
        {
            Result = Result with { Elapsed = Stopwatch.GetElapsedTime(0, ElapsedTicks) };
        }
    }

    /// <summary>Runs the phases before <paramref name="step"/>, so that the next <see cref="Step"/> runs it.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="step"/> does not run in this collection, or has run already.</exception>
    public void RunUntil(CollectionStep step)
    {
        if (step < Next)
        {
            throw new InvalidOperationException($"{step} has run already (next: {Next})");
        }

        while (Next < step)
        {
            Step();
        }

        if (Next != step)
        {
            throw new InvalidOperationException($"{step} does not run in this collection of generation {Generation} (next: {Next})");
        }
    }

    /// <summary>Runs the phases left; returns the collection's record.</summary>
    public CollectionResult Finish()
    {
        while (!IsDone)
        {
            Step();
        }

        return Result;
    }

    /// <summary>Ends the collection (runs the phases left) and frees the list heads.</summary>
    public void Dispose()
    {
        if (_lists == null)
        {
            return;
        }

        Finish();
        NativeMemory.Free(_lists);
        _lists = null;
    }
}
