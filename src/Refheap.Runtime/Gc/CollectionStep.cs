namespace Refheap.Gc;

/// <summary>
/// The phases of one collection, in the order <c>Collector.Collect</c> runs them; a
/// <see cref="CollectionStepper"/> runs them one at a time. Each is the phase method of the
/// same name in Collector.Phases.cs (whose comment says what is true after it), with the
/// bookkeeping Collect does right after that call.
/// </summary>
/// <remarks>
/// Not every phase runs in every collection (<see cref="CollectionStepper.Next"/> skips the
/// others): <see cref="UpdateRefs"/> and <see cref="SubtractRefs"/> run in a young collection
/// or when objects are frozen, <see cref="UpdateAndSubtractRefs"/> instead of both in a full
/// collection with nothing frozen; <see cref="UntrackAtomicDicts"/> only in a full collection;
/// <see cref="HandleWeakReferences"/> only when the garbage has a weak reference or an object
/// with weak references; <see cref="FinalizeGarbage"/> and <see cref="HandleResurrectedObjects"/>
/// only on 3.12 when the garbage has a finalizer.
/// </remarks>
internal enum CollectionStep
{
    /// <summary>The generation counts updated and the younger generations merged into the collected one.</summary>
    MergeYoungerGenerations,

    /// <summary>Every young object's gc_refs set to its reference count.</summary>
    UpdateRefs,

    /// <summary>The references between young objects subtracted from gc_refs.</summary>
    SubtractRefs,

    /// <summary>The two above in one pass (full collection, nothing frozen).</summary>
    UpdateAndSubtractRefs,

    /// <summary>The young set split into reachable and tentatively unreachable objects; atomic tuples untracked.</summary>
    MoveUnreachable,

    /// <summary>Surviving dicts that can never be part of a cycle untracked (full collection).</summary>
    UntrackAtomicDicts,

    /// <summary>The survivors moved to the next generation; the long-lived counts kept.</summary>
    PromoteSurvivors,

    /// <summary>2.7: objects with <c>__del__</c>, and what they reach, moved out of the garbage (3.12: only looked for).</summary>
    MoveLegacyFinalizers,

    /// <summary>Weak references to the garbage cleared and their callbacks run.</summary>
    HandleWeakReferences,

    /// <summary>3.12: each finalizer in the garbage run once.</summary>
    FinalizeGarbage,

    /// <summary>3.12: what the finalizers made reachable again moved out of the garbage.</summary>
    HandleResurrectedObjects,

    /// <summary>The garbage cleared and freed.</summary>
    DeleteGarbage,

    /// <summary>The uncollectable objects put in gc.garbage; the collection ends.</summary>
    HandleLegacyFinalizers,

    /// <summary>The collection is over.</summary>
    Done,
}
