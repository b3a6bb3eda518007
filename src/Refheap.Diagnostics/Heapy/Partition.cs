namespace Refheap.Diagnostics.Heapy;

/// <summary>
/// heapy's partition of a set of objects: one row per kind, largest total size first (ties:
/// more objects first, then the kind's name), with the header heapy prints above the kinds.
/// </summary>
public sealed class Partition
{
    private Partition(PartitionKind by, long count, long size, IReadOnlyList<PartitionRow> rows)
    {
        By = by;
        Count = count;
        Size = size;
        Rows = rows;
    }

    /// <summary>How the objects were grouped.</summary>
    public PartitionKind By { get; }

    /// <summary>Objects in the set.</summary>
    public long Count { get; }

    /// <summary>Their total size.</summary>
    public long Size { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<PartitionRow> Rows { get; }

    /// <summary>heapy's header of the kind column for this partition.</summary>
    public string KindHeader => By switch
    {
        PartitionKind.Type => "Type",
        PartitionKind.Rcs => "Referrers by Kind (class / dict of class)",
        PartitionKind.Size => "Individual Size",
        _ => "Kind (class / dict of class)",
    };

    internal static Partition Of(HeapSnapshot snapshot, PartitionKind by)
    {
        var groups = new Dictionary<string, (long Count, long Size)>(StringComparer.Ordinal);
        foreach (var o in snapshot.Objects)
        {
            var kind = KindOf(snapshot, o, by);
            var (c, s) = groups.GetValueOrDefault(kind);
            groups[kind] = (c + 1, s + o.Size);
        }

        var ordered = groups
            .OrderByDescending(g => g.Value.Size)
            .ThenByDescending(g => g.Value.Count)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var rows = new List<PartitionRow>(ordered.Count);
        long cumulative = 0;
        foreach (var (kind, (count, size)) in ordered)
        {
            cumulative += size;
            rows.Add(new PartitionRow(rows.Count, count, size, cumulative, kind));
        }

        return new Partition(by, snapshot.Count, snapshot.TotalSize, rows);
    }

    private static string KindOf(HeapSnapshot snapshot, SnapshotObject o, PartitionKind by) => by switch
    {
        PartitionKind.Type => o.TypeName,
        PartitionKind.Size => o.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PartitionKind.Rcs => ReferrerKinds(snapshot, o.Index),
        _ => o.Kind,
    };

    /// <summary>heapy's byrcs kind: the distinct kinds of the referrers, sorted and joined; <c>&lt;Nothing&gt;</c> when none.</summary>
    private static string ReferrerKinds(HeapSnapshot snapshot, int index)
    {
        var kinds = snapshot.ReferrerKinds(index).Distinct().Order(StringComparer.Ordinal).ToList();
        return kinds.Count == 0 ? "<Nothing>" : string.Join(", ", kinds);
    }
}
