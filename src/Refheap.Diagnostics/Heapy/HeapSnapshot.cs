using Refheap.Objects;

namespace Refheap.Diagnostics.Heapy;

/// <summary>
/// heapy's view of a heap: every live object (tracked by the collector or not) with its
/// size, kind and references, frozen at one moment so that it can be partitioned, searched,
/// saved to a file (<see cref="SnapshotFile"/>) and compared with another.
/// </summary>
/// <remarks>
/// The objects are those the census counts: blocks on free lists, immortal objects and
/// interned strings are left out, and references to them are dropped. An object's
/// <see cref="SnapshotObject.ExternalReferences"/> is its reference count minus the
/// references from snapshot objects: what handles, C# code and the excluded objects hold.
/// Those objects are the roots (heapy's "root" is the interpreter; here it is everything
/// outside the graph).
/// </remarks>
public sealed class HeapSnapshot
{
    private readonly SnapshotObject[] _objects;
    private readonly int[] _edgeStart;
    private readonly SnapshotReference[] _edges;
    private readonly HeapSnapshot? _whole;
    private readonly int[]? _indexInWhole;
    private Dictionary<long, int>? _byAddress;
    private int[][]? _referrers;

    internal HeapSnapshot(string profile, DateTimeOffset takenAt, SnapshotObject[] objects, int[] edgeStart, SnapshotReference[] edges)
        : this(profile, takenAt, objects, edgeStart, edges, null, null)
    {
    }

    private HeapSnapshot(string profile, DateTimeOffset takenAt, SnapshotObject[] objects, int[] edgeStart, SnapshotReference[] edges, HeapSnapshot? whole, int[]? indexInWhole)
    {
        Profile = profile;
        TakenAt = takenAt;
        _objects = objects;
        _edgeStart = edgeStart;
        _edges = edges;
        _whole = whole;
        _indexInWhole = indexInWhole;
    }

    /// <summary>The runtime profile's name (py27, py312).</summary>
    public string Profile { get; }

    /// <summary>When the snapshot was taken.</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>Objects in the snapshot.</summary>
    public int Count => _objects.Length;

    /// <summary>The sum of the objects' sizes.</summary>
    public long TotalSize => _objects.Sum(o => o.Size);

    /// <summary>The objects, in the order of the heap walk (address order within each arena).</summary>
    public IReadOnlyList<SnapshotObject> Objects => _objects;

    /// <summary>The object at <paramref name="index"/>.</summary>
    public SnapshotObject this[int index] => _objects[index];

    /// <summary>What the object at <paramref name="index"/> references, in <c>gc.get_referents</c> order.</summary>
    public ReadOnlySpan<SnapshotReference> ReferencesFrom(int index) => _edges.AsSpan(_edgeStart[index], _edgeStart[index + 1] - _edgeStart[index]);

    /// <summary>The indexes of the objects that reference the object at <paramref name="index"/> (once per referrer).</summary>
    public IReadOnlyList<int> ReferrersOf(int index) => Referrers[index];

    private int[][] Referrers => _referrers ??= BuildReferrers();

    /// <summary>
    /// The kinds of the objects that reference the object at <paramref name="index"/>, once
    /// per referrer; for a subset (<see cref="Subset"/>, <see cref="NewSince"/>), the referrers
    /// in the whole snapshot it came from, as heapy's byrcs of a set looks at the whole heap.
    /// </summary>
    public IEnumerable<string> ReferrerKinds(int index) =>
        _whole is { } whole
            ? whole.ReferrerKinds(_indexInWhole![index])
            : ReferrersOf(index).Select(r => _objects[r].Kind);

    /// <summary>The index of the object at <paramref name="address"/>, or -1.</summary>
    public int IndexOf(long address)
    {
        _byAddress ??= _objects.ToDictionary(o => o.Address, o => o.Index);
        return _byAddress.GetValueOrDefault(address, -1);
    }

    /// <summary>Takes a snapshot of <paramref name="runtime"/>'s heap (under its lock; nothing on the heap changes).</summary>
    public static HeapSnapshot Take(Runtime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        using var gil = runtime.Enter();
        var api = runtime.Api;
        var live = api.LiveObjects();
        var index = new Dictionary<nint, int>(live.Count);
        for (var i = 0; i < live.Count; i++)
        {
            index[live[i].Address] = i;
        }

        var edgeStart = new int[live.Count + 1];
        var edges = new List<SnapshotReference>();
        var internalRefs = new long[live.Count];
        var kinds = new string[live.Count];
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s) => names.TryGetValue(s, out var t) ? t : names[s] = s;
        for (var i = 0; i < live.Count; i++)
        {
            edgeStart[i] = edges.Count;
            kinds[i] ??= Intern(ObjectApi.KindName(live[i]));
            foreach (var e in api.LabeledReferents(live[i]))
            {
                if (!index.TryGetValue(e.Target, out var t))
                {
                    continue;
                }

                edges.Add(new SnapshotReference(t, Intern(EdgeLabels.Of(e))));
                internalRefs[t]++;
                if (e.Kind == HeapWalkEdgeKind.InstanceDict)
                {
                    kinds[t] = Intern("dict of " + ObjectApi.KindName(live[i]));
                }
            }
        }

        edgeStart[live.Count] = edges.Count;
        var objects = new SnapshotObject[live.Count];
        for (var i = 0; i < live.Count; i++)
        {
            var o = live[i];
            var kind = kinds[i];
            if (kind == "dict" && o.Descriptor == api.Heap.Types.Dict)
            {
                kind = "dict (no owner)";
            }

            objects[i] = new SnapshotObject(i, o.Address, Intern(ObjectApi.QualifiedTypeName(o)), kind, ObjectApi.SizeOf(o),
                o.RefCount, ObjectApi.IsTracked(o), Math.Max(0, o.RefCount - internalRefs[i]));
        }

        return new HeapSnapshot(runtime.Profile.Name, DateTimeOffset.UtcNow, objects, edgeStart, [.. edges]);
    }

    /// <summary>
    /// The objects of this snapshot that were not in <paramref name="before"/> — what was
    /// allocated in between and is still alive — as a snapshot of their own (references
    /// between them kept). An object is "the same" when its address and type are: a block
    /// freed and reused by an object of the same type in between counts as old.
    /// </summary>
    public HeapSnapshot NewSince(HeapSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var old = new HashSet<(long, string)>(before._objects.Select(o => (o.Address, o.TypeName)));
        return Subset(_objects.Where(o => !old.Contains((o.Address, o.TypeName))).Select(o => o.Index));
    }

    /// <summary>
    /// A snapshot of some of these objects, in their order, with the references among them.
    /// Its roots are the objects referenced from outside the subset: an object's
    /// <see cref="SnapshotObject.ExternalReferences"/> also counts the references from the
    /// objects left out.
    /// </summary>
    public HeapSnapshot Subset(IEnumerable<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var chosen = indexes.Distinct().Order().ToArray();
        var map = new Dictionary<int, int>(chosen.Length);
        for (var k = 0; k < chosen.Length; k++)
        {
            map[chosen[k]] = k;
        }

        var objects = new SnapshotObject[chosen.Length];
        var edgeStart = new int[chosen.Length + 1];
        var edges = new List<SnapshotReference>();
        for (var k = 0; k < chosen.Length; k++)
        {
            objects[k] = _objects[chosen[k]] with { Index = k };
            edgeStart[k] = edges.Count;
            foreach (var e in ReferencesFrom(chosen[k]))
            {
                if (map.TryGetValue(e.Target, out var t))
                {
                    edges.Add(e with { Target = t });
                }
            }
        }

        edgeStart[chosen.Length] = edges.Count;
        var internalRefs = new long[chosen.Length];
        foreach (var e in edges)
        {
            internalRefs[e.Target]++;
        }

        for (var k = 0; k < chosen.Length; k++)
        {
            objects[k] = objects[k] with { ExternalReferences = Math.Max(0, objects[k].RefCount - internalRefs[k]) };
        }

        var whole = _whole ?? this;
        var indexInWhole = _indexInWhole is { } outer ? Array.ConvertAll(chosen, i => outer[i]) : chosen;
        return new HeapSnapshot(Profile, TakenAt, objects, edgeStart, [.. edges], whole, indexInWhole);
    }

    /// <summary>heapy's partition of the objects by <paramref name="by"/>, rows largest total size first.</summary>
    public Partition PartitionBy(PartitionKind by) => Partition.Of(this, by);

    /// <summary>The dominator tree from the roots, with each object's retained size.</summary>
    public DominatorTree Dominators() => DominatorTree.Build(this);

    /// <summary>
    /// A shortest chain of references from a root to the object at <paramref name="index"/>:
    /// (object index, label of the reference that leads to the next) pairs, root first, the
    /// object last (its label empty); empty when no root reaches it (garbage).
    /// </summary>
    public IReadOnlyList<(int Index, string Label)> ShortestPathFromRoots(int index)
    {
        var parent = new int[Count];
        var label = new string[Count];
        Array.Fill(parent, -2);
        var queue = new Queue<int>();
        foreach (var o in _objects.Where(o => o.IsRoot))
        {
            parent[o.Index] = -1;
            queue.Enqueue(o.Index);
        }

        while (queue.Count > 0 && parent[index] == -2)
        {
            var u = queue.Dequeue();
            foreach (var e in ReferencesFrom(u))
            {
                if (parent[e.Target] == -2)
                {
                    parent[e.Target] = u;
                    label[e.Target] = e.Label;
                    queue.Enqueue(e.Target);
                }
            }
        }

        if (parent[index] == -2)
        {
            return [];
        }

        var path = new List<(int, string)> { (index, "") };
        for (var v = index; parent[v] >= 0; v = parent[v])
        {
            path.Add((parent[v], label[v]));
        }

        path.Reverse();
        return path;
    }

    private int[][] BuildReferrers()
    {
        var lists = new List<int>[Count];
        for (var i = 0; i < Count; i++)
        {
            lists[i] = [];
        }

        for (var i = 0; i < Count; i++)
        {
            foreach (var e in ReferencesFrom(i))
            {
                if (lists[e.Target].Count == 0 || lists[e.Target][^1] != i)
                {
                    lists[e.Target].Add(i);
                }
            }
        }

        return Array.ConvertAll(lists, l => l.ToArray());
    }
}
