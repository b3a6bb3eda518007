namespace Refheap.Diagnostics.Heapy;

/// <summary>One reference between two objects of a <see cref="HeapSnapshot"/>.</summary>
/// <param name="Target">The referenced object's index.</param>
/// <param name="Label">The reference's name (an attribute, <c>__dict__</c>, <c>[key]</c>, <c>[i]</c>, ...; empty when unnamed).</param>
public readonly record struct SnapshotReference(int Target, string Label);
