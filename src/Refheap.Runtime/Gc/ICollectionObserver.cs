namespace Refheap.Gc;

/// <summary>Watches a collection phase by phase (a step-by-step visualizer, or a test of the algorithm).</summary>
/// <remarks>
/// Listing a phase's objects costs time in proportion to the generations collected, so the
/// collector asks first (<see cref="Wants"/>, <see cref="WantsReachable"/>) and builds only the
/// lists an observer reads: one that watches only the garbage adds nothing to the other phases.
/// </remarks>
public interface ICollectionObserver
{
    /// <summary>Called after <paramref name="phase"/> with the lists it produced (see <see cref="CollectionPhase"/>).</summary>
    void OnPhase(CollectionPhase phase, IReadOnlyList<ObservedObject> first, IReadOnlyList<ObservedObject> second);

    /// <summary>Called when move_unreachable finds an object reachable, with its gc_refs at that moment.</summary>
    void OnReachable(nint address, long gcRefs);

    /// <summary>Whether <see cref="OnPhase"/> is to be called for <paramref name="phase"/> (default: every phase).</summary>
    bool Wants(CollectionPhase phase) => true;

    /// <summary>Whether <see cref="OnReachable"/> is to be called (default: yes).</summary>
    bool WantsReachable => true;
}
