namespace Refheap;

/// <summary>
/// The live objects of a heap by type, and its bytes. Excluded, as CPython keeps them for
/// ever too: interned strings, cached small ints, free-list contents, built-in type objects
/// and other immortal singletons.
/// </summary>
public sealed class Census
{
    internal Census(IReadOnlyDictionary<string, long> byType, long bytesInUse, long bytesMapped)
    {
        ByType = byType;
        BytesInUse = bytesInUse;
        BytesMapped = bytesMapped;
    }

    /// <summary>Live objects per type name (user classes as <c>module.Name</c>).</summary>
    public IReadOnlyDictionary<string, long> ByType { get; }

    /// <summary>All live objects counted.</summary>
    public long TotalObjects => ByType.Values.Sum();

    /// <summary>Bytes requested by live blocks (objects and their buffers).</summary>
    public long BytesInUse { get; }

    /// <summary>Bytes mapped from the OS (arenas and large blocks).</summary>
    public long BytesMapped { get; }

    /// <summary>Live objects of one type (0 when none).</summary>
    public long Count(string typeName) => ByType.GetValueOrDefault(typeName);

    /// <summary>Per-type differences <c>this - earlier</c>, leaving out types whose count did not change.</summary>
    public IReadOnlyDictionary<string, long> Since(Census earlier)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in ByType.Keys.Union(earlier.ByType.Keys))
        {
            var d = Count(name) - earlier.Count(name);
            if (d != 0)
            {
                result[name] = d;
            }
        }

        return result;
    }

    /// <summary>Whether the object counts per type are the same as in <paramref name="other"/>.</summary>
    public bool SameObjectsAs(Census other) => Since(other).Count == 0;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{TotalObjects} objects ({string.Join(", ", ByType.OrderByDescending(p => p.Value).Select(p => $"{p.Key}: {p.Value}"))}); {BytesInUse} bytes in use, {BytesMapped} mapped";
}
