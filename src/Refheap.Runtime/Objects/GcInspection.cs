using Refheap.Gc;

namespace Refheap.Objects;

/// <summary>The gc module's inspection functions over raw objects (get_objects, get_referents, get_referrers).</summary>
internal static unsafe class GcInspection
{
    /// <summary>gc.is_tracked.</summary>
    public static bool IsTracked(PyRef o) => Collector.IsGcObject(o.Ptr) && Collector.IsTracked(o.Ptr);

    /// <summary>gc.is_finalized.</summary>
    public static bool IsFinalized(PyRef o) => Collector.IsFinalized(o.Ptr);

    /// <summary>The tracked objects of one generation or all (borrowed).</summary>
    public static List<PyRef> TrackedObjects(Heap heap, int? generation)
    {
        var result = new List<PyRef>();
        heap.Gc.ForEachTracked(generation, a => result.Add(new PyRef((PyObject*)a)));
        return result;
    }

    /// <summary>What <paramref name="o"/> references, through its type's traverse (borrowed).</summary>
    public static List<PyRef> Referents(PyRef o)
    {
        var list = new List<nint>();
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(list);
        try
        {
            o.Descriptor.Traverse(o.Ptr, &Collect, (void*)System.Runtime.InteropServices.GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return list.ConvertAll(a => new PyRef((PyObject*)a));
    }

    private static int Collect(PyObject* child, void* arg)
    {
        var list = (List<nint>)System.Runtime.InteropServices.GCHandle.FromIntPtr((nint)arg).Target!;
        list.Add((nint)child);
        return 0;
    }

    /// <summary>The tracked objects that reference any of <paramref name="targets"/> (borrowed).</summary>
    public static List<PyRef> Referrers(Heap heap, HashSet<nint> targets)
    {
        var result = new List<PyRef>();
        foreach (var candidate in TrackedObjects(heap, null))
        {
            foreach (var r in Referents(candidate))
            {
                if (targets.Contains(r.Address))
                {
                    result.Add(candidate);
                    break;
                }
            }
        }

        return result;
    }
}
