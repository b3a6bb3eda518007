namespace Refheap.Objects;

/// <summary>One reference from a heap object, with what names it (see <see cref="HeapWalkEdgeKind"/>).</summary>
/// <param name="Target">The referenced object's address.</param>
/// <param name="Kind">Which field holds the reference.</param>
/// <param name="Name">The attribute name, or a dict value's str key; null otherwise.</param>
/// <param name="Index">A list or tuple index, or a dict value's int key (then <see cref="HasIntKey"/>).</param>
/// <param name="HasIntKey">Whether a <see cref="HeapWalkEdgeKind.DictValue"/> edge's key is an int held in <see cref="Index"/>.</param>
internal readonly record struct HeapWalkEdge(nint Target, HeapWalkEdgeKind Kind, string? Name = null, long Index = 0, bool HasIntKey = false);
