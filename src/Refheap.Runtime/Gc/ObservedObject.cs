namespace Refheap.Gc;

/// <summary>One object as an observer sees it after a phase.</summary>
/// <param name="Address">The object's address (its id()).</param>
/// <param name="TypeName">Its type's name.</param>
/// <param name="GcRefs">Its gc_refs at that point, or -1 once it is no longer being collected.</param>
public readonly record struct ObservedObject(nint Address, string TypeName, long GcRefs);
