namespace Refheap.Gc;

/// <summary>Watches a collection phase by phase (a step-by-step visualizer, or a test of the algorithm).</summary>
public interface ICollectionObserver
{
    /// <summary>Called after <paramref name="phase"/> with the lists it produced (see <see cref="CollectionPhase"/>).</summary>
    void OnPhase(CollectionPhase phase, IReadOnlyList<ObservedObject> first, IReadOnlyList<ObservedObject> second);

    /// <summary>Called when move_unreachable finds an object reachable, with its gc_refs at that moment.</summary>
    void OnReachable(nint address, long gcRefs);
}
