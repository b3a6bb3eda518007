using Refheap.Objects.Native.Slice;

namespace Refheap.Objects.Native.List;

/// <summary>
/// A list's slices: reading <c>l[i:j:k]</c>, assigning and deleting them (CPython's
/// list_subscript, list_ass_slice and list_ass_subscript). The order in which replaced items
/// are released is CPython's, since a <c>__del__</c> can see it: a simple slice's items last
/// first, an extended slice's in slice order.
/// </summary>
internal static unsafe class ListSlicing
{
    /// <summary>The items a slice selects, as a new list: a new reference, or null with the error set.</summary>
    public static PyRef Get(Heap heap, PyObject* list, in SliceIndices s)
    {
        var result = heap.Types.List.New(s.Count);
        if (result.IsNull)
        {
            return result;
        }

        var src = ListType.Items(list);
        var dst = ListType.Items(result.Ptr);
        for (nint i = 0; i < s.Count; i++)
        {
            var item = src[s[i]];
            Heap.IncRef(item);
            dst[i] = item;
        }

        return result;
    }

    /// <summary>
    /// <c>list[slice] = value</c>, or <c>del list[slice]</c> when <paramref name="value"/> is
    /// null: 0, or -1 with the error set and the list unchanged.
    /// </summary>
    public static int Assign(Heap heap, PyObject* list, in SliceIndices s, PyObject* value)
    {
        if (s.IsSimple)
        {
            return AssignSimple(heap, list, s.Start, Math.Max(s.Start, s.Stop), value);
        }

        return value == null ? DeleteExtended(heap, list, s) : AssignExtended(heap, list, s, value);
    }

    /// <summary>Replaces items [start, stop) by the items of <paramref name="value"/> (null: none); 0 or -1.</summary>
    public static int AssignSimple(Heap heap, PyObject* list, nint start, nint stop, PyObject* value)
    {
        var items = PyRef.Null;
        if (value != null)
        {
            items = AsList(heap, value, "can only assign an iterable");
            if (items.IsNull)
            {
                return -1;
            }
        }

        var status = Replace(heap, list, start, stop, items.IsNull ? null : items.Ptr);
        items.XDecRef();
        return status;
    }

    /// <summary>
    /// Replaces items [start, stop) (0 ≤ start ≤ stop ≤ size) by the items of the list
    /// <paramref name="items"/> (null: none), releasing the removed items last first: 0, or -1
    /// with MemoryError set and the list unchanged.
    /// </summary>
    public static int Replace(Heap heap, PyObject* list, nint start, nint stop, PyObject* items)
    {
        var oldSize = ListType.Size(list);
        var removed = stop - start;
        var added = items == null ? 0 : ListType.Size(items);
        var dropped = new nint[removed];
        for (nint i = 0; i < removed; i++)
        {
            dropped[i] = (nint)ListType.Items(list)[start + i];
        }

        var newSize = oldSize - removed + added;
        if (added > removed && heap.Types.List.Resize(list, newSize) < 0)
        {
            return -1;
        }

        var dst = ListType.Items(list);
        var tail = oldSize - stop;
        if (added != removed)
        {
            Buffer.MemoryCopy(dst + stop, dst + start + added, tail * sizeof(nint), tail * sizeof(nint));
        }

        for (nint i = 0; i < added; i++)
        {
            var item = ListType.Items(items)[i];
            Heap.IncRef(item);
            dst[start + i] = item;
        }

        if (added < removed && heap.Types.List.Resize(list, newSize) < 0)
        {
            return -1;
        }

        for (var i = dropped.Length - 1; i >= 0; i--)
        {
            Heap.DecRef((PyObject*)dropped[i]);
        }

        return 0;
    }

    // del l[a:b:k], k != 1: the survivors close up in order; the removed go in ascending index order.
    private static int DeleteExtended(Heap heap, PyObject* list, in SliceIndices s)
    {
        if (s.Count == 0)
        {
            return 0;
        }

        var size = ListType.Size(list);
        var removed = new bool[size];
        for (nint i = 0; i < s.Count; i++)
        {
            removed[s[i]] = true;
        }

        var garbage = new nint[s.Count];
        var items = ListType.Items(list);
        nint kept = 0, gone = 0;
        for (nint i = 0; i < size; i++)
        {
            if (removed[i])
            {
                garbage[gone++] = (nint)items[i];
            }
            else
            {
                items[kept++] = items[i];
            }
        }

        heap.Types.List.Resize(list, kept); // shrinking never fails
        foreach (var o in garbage)
        {
            Heap.DecRef((PyObject*)o);
        }

        return 0;
    }

    // l[a:b:k] = seq, k != 1: the sizes must match; the replaced items go in slice order.
    private static int AssignExtended(Heap heap, PyObject* list, in SliceIndices s, PyObject* value)
    {
        var seq = AsList(heap, value, "must assign iterable to extended slice");
        if (seq.IsNull)
        {
            return -1;
        }

        var n = ListType.Size(seq.Ptr);
        if (n != s.Count)
        {
            seq.DecRef();
            heap.RaiseValueError($"attempt to assign sequence of size {n} to extended slice of size {s.Count}");
            return -1;
        }

        var garbage = new nint[n];
        var items = ListType.Items(list);
        var src = ListType.Items(seq.Ptr);
        for (nint i = 0; i < n; i++)
        {
            var at = s[i];
            garbage[i] = (nint)items[at];
            Heap.IncRef(src[i]);
            items[at] = src[i];
        }

        foreach (var o in garbage)
        {
            Heap.DecRef((PyObject*)o);
        }

        seq.DecRef();
        return 0;
    }

    // The assigned value's items as a list of their own (so assigning a list to a slice of itself
    // reads it before it changes), or null with TypeError(message) when the value is not
    // iterable (PySequence_Fast's wording).
    private static PyRef AsList(Heap heap, PyObject* value, string message)
    {
        var it = heap.GetIter(value);
        if (it.IsNull)
        {
            if (heap.ErrorMatches(heap.Types.Exceptions.TypeError))
            {
                heap.ClearError();
                heap.RaiseTypeError(message);
            }

            return PyRef.Null;
        }

        var items = heap.ListFromIterable(it.Ptr);
        it.DecRef();
        return items;
    }
}
