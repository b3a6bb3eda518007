namespace Refheap.Diagnostics.Heapy;

/// <summary>One object of a <see cref="HeapSnapshot"/>.</summary>
/// <param name="Index">Its position in the snapshot.</param>
/// <param name="Address">Its address when the snapshot was taken (its <c>id()</c>).</param>
/// <param name="TypeName">Its class as reprs name it: <c>module.Name</c> for a user class, the bare name for a built-in.</param>
/// <param name="Kind">heapy's default kind (class or dict owner): the class, or <c>dict of module.Name</c> for an instance's dict.</param>
/// <param name="Size">Its size as <c>sys.getsizeof</c> counts it.</param>
/// <param name="RefCount">Its reference count.</param>
/// <param name="Tracked">Whether the collector tracked it.</param>
/// <param name="ExternalReferences">References from outside the snapshot (handles, C# code, objects kept for ever): its count minus the references from snapshot objects.</param>
public readonly record struct SnapshotObject(int Index, long Address, string TypeName, string Kind, long Size, long RefCount, bool Tracked, long ExternalReferences)
{
    /// <summary>Whether something outside the heap graph holds it: a root of the dominator tree and of the shortest paths.</summary>
    public bool IsRoot => ExternalReferences > 0;

    /// <summary>objgraph's short type name: the class name without its module.</summary>
    public string ShortTypeName => TypeName[(TypeName.LastIndexOf('.') + 1)..];
}
