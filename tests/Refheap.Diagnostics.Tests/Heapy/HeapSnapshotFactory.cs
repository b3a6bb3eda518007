using Refheap.Diagnostics.Heapy;

namespace Refheap.DiagnosticsTests.Heapy;

/// <summary>Snapshots built directly, for tests of the algorithms and formats on exact graphs.</summary>
internal static class HeapSnapshotFactory
{
    /// <summary>One unreferenced root object per (kind, size).</summary>
    public static HeapSnapshot WithKinds(IEnumerable<(string Kind, long Size)> objects)
    {
        var list = objects.Select((o, i) => new SnapshotObject(i, 1000 + (16 * i), o.Kind, o.Kind, o.Size, 1, true, 1)).ToArray();
        return new HeapSnapshot("py27", DateTimeOffset.UnixEpoch, list, new int[list.Length + 1], []);
    }

    /// <summary>A graph: <paramref name="roots"/> held from outside, edges between objects, each object of size <paramref name="sizes"/>[i].</summary>
    public static HeapSnapshot Graph(long[] sizes, ISet<int> roots, IReadOnlyList<(int From, int To)> edges)
    {
        var n = sizes.Length;
        var objects = Enumerable.Range(0, n).Select(i => new SnapshotObject(i, 1000 + (16 * i), "T", "T", sizes[i], 1, true, roots.Contains(i) ? 1 : 0)).ToArray();
        var start = new int[n + 1];
        var refs = new List<SnapshotReference>();
        for (var i = 0; i < n; i++)
        {
            start[i] = refs.Count;
            refs.AddRange(edges.Where(e => e.From == i).Select(e => new SnapshotReference(e.To, "")));
        }

        start[n] = refs.Count;
        return new HeapSnapshot("py27", DateTimeOffset.UnixEpoch, objects, start, [.. refs]);
    }
}
