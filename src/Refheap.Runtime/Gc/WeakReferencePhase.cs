using Refheap.Objects;

namespace Refheap.Gc;

/// <summary>
/// The collector's weak-reference phase (handle_weakrefs): clears every weak reference to an
/// object in <paramref name="unreachable"/> and runs the callbacks of the reachable ones.
/// Returns the number of weak-reference objects it freed.
/// </summary>
internal unsafe delegate long WeakReferencePhase(GcHead* unreachable, GcHead* old);
