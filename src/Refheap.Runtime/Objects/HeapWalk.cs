using Refheap.Gc;
using Refheap.Memory;
using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects;

/// <summary>
/// Read-only walks of a heap for the diagnostics (objgraph, heapy, the cycle report): every
/// live object the census counts, and each object's references with the names a user knows
/// them by. Nothing here allocates on the heap or changes a reference count.
/// </summary>
internal static unsafe class HeapWalk
{
    /// <summary>
    /// Every live object the census counts (tracked or not), borrowed: free-list blocks,
    /// immortal objects and interned strings are left out, as CPython keeps them for ever.
    /// </summary>
    public static List<PyRef> LiveObjects(Heap heap)
    {
        var walker = new Walker { Found = [] };
        heap.Allocator.WalkObjects(ref walker);
        heap.WalkOwnBlockObjects(address => walker.Visit(address, BlockKind.Object));
        return walker.Found.ConvertAll(a => new PyRef((PyObject*)a));
    }

    private static bool Counts(PyObject* o) =>
        o->RefCount > 0 && o->RefCount < Heap.ImmortalRefCount && !(o->Type->Descriptor is StrType && StrType.IsInterned(o));

    private struct Walker : IObjectWalker
    {
        public List<nint> Found;

        public readonly void Visit(nint objectAddress, BlockKind kind)
        {
            if (Counts((PyObject*)objectAddress))
            {
                Found.Add(objectAddress);
            }
        }
    }

    /// <summary><c>sys.getsizeof(o)</c>: the type's size plus the GC header of a collectable object.</summary>
    public static long SizeOf(PyRef o) =>
        (long)o.Descriptor.SizeOf(o.Ptr) + (Collector.IsGcObject(o.Ptr) ? sizeof(GcHead) : 0);

    /// <summary>
    /// What <paramref name="o"/> references — exactly <c>gc.get_referents(o)</c>, in its
    /// order — each named where the walk knows the field: instance attributes and
    /// <c>__dict__</c>, dict values by key and dict keys, list and tuple items by index, an
    /// instance's class. Targets are borrowed.
    /// </summary>
    public static List<HeapWalkEdge> LabeledReferents(Heap heap, PyRef o)
    {
        var edges = new List<HeapWalkEdge>();
        Label(heap, o.Ptr, GcInspection.Referents(o).ConvertAll(c => c.Address), [], edges, null);
        return edges;
    }

    /// <summary>
    /// Fills <paramref name="into"/> (cleared first) with the labeled references of
    /// <paramref name="o"/>, given its referents in traverse order (<paramref name="children"/>):
    /// what <see cref="LabeledReferents(Heap, PyRef)"/> returns. <paramref name="named"/> is a
    /// buffer (its contents are replaced). With <paramref name="strKeys"/>, a dict's str key is
    /// read once: the cache maps the key object to its text (valid while no object is freed).
    /// </summary>
    internal static void Label(Heap heap, PyObject* o, List<nint> children, List<HeapWalkEdge> named, List<HeapWalkEdge> into, Dictionary<nint, string>? strKeys)
    {
        named.Clear();
        into.Clear();
        NamedReferences(heap, o, named, strKeys);
        if (InSameOrder(named, children))
        {
            into.AddRange(named);
        }
        else if (named.Count <= PairByScanMax)
        {
            PairByScan(named, children, into);
        }
        else
        {
            PairByTarget(named, children, into);
        }
    }

    /// <summary>Up to this many names, pairing scans them (no allocation) rather than indexing them by target.</summary>
    private const int PairByScanMax = 64;

    /// <summary>
    /// Pairs each referent with the first unused name for its address; the rest are unnamed.
    /// (A 2.7 dict's traverse visits a key before its value, the names list the value first.)
    /// </summary>
    private static void PairByScan(List<HeapWalkEdge> named, List<nint> children, List<HeapWalkEdge> into)
    {
        Span<bool> used = stackalloc bool[named.Count];
        foreach (var child in children)
        {
            var edge = new HeapWalkEdge(child, HeapWalkEdgeKind.Other);
            for (var j = 0; j < named.Count; j++)
            {
                if (!used[j] && named[j].Target == child)
                {
                    used[j] = true;
                    edge = named[j];
                    break;
                }
            }

            into.Add(edge);
        }
    }

    /// <summary>What <see cref="PairByScan"/> does, through a queue of names per address.</summary>
    private static void PairByTarget(List<HeapWalkEdge> named, List<nint> children, List<HeapWalkEdge> into)
    {
        var byTarget = new Dictionary<nint, Queue<HeapWalkEdge>>();
        foreach (var e in named)
        {
            if (!byTarget.TryGetValue(e.Target, out var q))
            {
                byTarget[e.Target] = q = new Queue<HeapWalkEdge>();
            }

            q.Enqueue(e);
        }

        foreach (var child in children)
        {
            into.Add(byTarget.TryGetValue(child, out var q) && q.Count > 0
                ? q.Dequeue()
                : new HeapWalkEdge(child, HeapWalkEdgeKind.Other));
        }
    }

    private static bool InSameOrder(List<HeapWalkEdge> named, List<nint> children)
    {
        if (named.Count != children.Count)
        {
            return false;
        }

        for (var i = 0; i < named.Count; i++)
        {
            if (named[i].Target != children[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void NamedReferences(Heap heap, PyObject* o, List<HeapWalkEdge> named, Dictionary<nint, string>? strKeys)
    {
        switch (o->Type->Descriptor)
        {
            case InstanceType instance:
                instance.NamedFields(o, named);
                named.Add(new HeapWalkEdge((nint)o->Type, HeapWalkEdgeKind.Type, "__class__"));
                break;
            case Native.Classic.ClassicInstanceType:
                // instance_traverse's order: the class, then the dict.
                named.Add(new HeapWalkEdge((nint)Native.Classic.ClassicInstanceType.ClassOf(o), HeapWalkEdgeKind.Type, "__class__"));
                named.Add(new HeapWalkEdge((nint)Native.Classic.ClassicInstanceType.DictOf(o), HeapWalkEdgeKind.InstanceDict, "__dict__"));
                break;
            case DictType dict:
                nint pos = 0;
                while (dict.Next(o, ref pos, out var key, out var value))
                {
                    named.Add(DictValueEdge(heap, key, value, strKeys));
                    named.Add(new HeapWalkEdge((nint)key, HeapWalkEdgeKind.DictKey));
                }

                break;
            case ListType:
                AddItems(named, ListType.Items(o), ListType.Size(o));
                break;
            case TupleType:
                AddItems(named, TupleType.Items(o), TupleType.Size(o));
                break;
        }

    }

    private static HeapWalkEdge DictValueEdge(Heap heap, PyObject* key, PyObject* value, Dictionary<nint, string>? strKeys)
    {
        if (key->Type->Descriptor is StrType)
        {
            return new HeapWalkEdge((nint)value, HeapWalkEdgeKind.DictValue, StrKey(key, strKeys));
        }

        return heap.IsInt(key) && heap.TryAsLong(key, out var k)
            ? new HeapWalkEdge((nint)value, HeapWalkEdgeKind.DictValue, null, k, HasIntKey: true)
            : new HeapWalkEdge((nint)value, HeapWalkEdgeKind.DictValue);
    }

    private static string StrKey(PyObject* key, Dictionary<nint, string>? strKeys)
    {
        if (strKeys == null)
        {
            return StrType.AsString(key);
        }

        if (!strKeys.TryGetValue((nint)key, out var text))
        {
            strKeys[(nint)key] = text = StrType.AsString(key);
        }

        return text;
    }

    private static void AddItems(List<HeapWalkEdge> into, PyObject** items, nint n)
    {
        for (nint i = 0; i < n; i++)
        {
            if (items[i] != null)
            {
                into.Add(new HeapWalkEdge((nint)items[i], HeapWalkEdgeKind.Item, null, i));
            }
        }
    }
}
