namespace Refheap.Gc;

/// <summary>The phases of a collection after which an <see cref="ICollectionObserver"/> is told the state.</summary>
public enum CollectionPhase
{
    /// <summary>After subtract_refs: each young object's gc_refs counts only references from outside the collected generations.</summary>
    SubtractRefs,

    /// <summary>After move_unreachable: the reachable objects (first list) and the tentatively unreachable ones (second list).</summary>
    MoveUnreachable,

    /// <summary>After moving legacy finalizers (2.7): what stays unreachable (first) and the uncollectable finalizers (second).</summary>
    LegacyFinalizers,

    /// <summary>After handle_weakrefs.</summary>
    WeakReferences,

    /// <summary>After the resurrection check (3.12): what will be cleared.</summary>
    Resurrection,
}
