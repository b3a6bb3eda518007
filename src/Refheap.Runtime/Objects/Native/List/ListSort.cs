namespace Refheap.Objects.Native.List;

/// <summary>
/// <c>list.sort()</c>: a stable merge sort with the semantics of CPython's listsort — the list
/// looks empty while it is sorted, keys are computed once up front, <c>reverse</c> keeps equal
/// items in their order, a comparison that fails stops the sort (leaving every item in the
/// list), and a list modified meanwhile raises ValueError "list modified during sort".
/// </summary>
/// <remarks>
/// The comparisons made are TimSort's for lists of fewer than 64 items and for runs already in
/// order; for other long lists they differ in number and order (observable only through a
/// comparison with side effects), the result does not.
/// </remarks>
internal static unsafe class ListSort
{
    /// <summary>
    /// Sorts <paramref name="self"/> in place; <paramref name="cmp"/> (2.7) and
    /// <paramref name="key"/> may be null. None, or null with the error set.
    /// </summary>
    public static PyRef Sort(Heap heap, PyObject* self, PyObject* cmp, PyObject* key, bool reverse)
    {
        var list = (PyListObject*)self;
        var saved = list->Items;
        var n = list->Base.Size;
        var allocated = list->Allocated;

        // Detach the items: code run by a comparison sees an empty list, and any change it makes shows.
        list->Items = null;
        list->Base.Size = 0;
        list->Allocated = 0;
        var items = new nint[n];
        for (nint i = 0; i < n; i++)
        {
            items[i] = (nint)saved[i];
        }

        var keys = items;
        var ok = true;
        if (key != null)
        {
            keys = new nint[n];
            for (nint i = 0; i < n && ok; i++)
            {
                var k = heap.CallVector(key, [new PyRef((PyObject*)items[i])]);
                keys[i] = k.Address;
                ok = !k.IsNull;
            }
        }

        if (ok)
        {
            if (reverse)
            {
                Array.Reverse(items);

                // Without a key function, keys is items itself: reversing it again would undo the reversal.
                if (key != null)
                {
                    Array.Reverse(keys);
                }
            }

            ok = MergeSort(heap, cmp, keys, items);
            if (reverse)
            {
                Array.Reverse(items);

                // Without a key function, keys is items itself: reversing it again would undo the reversal.
                if (key != null)
                {
                    Array.Reverse(keys);
                }
            }
        }

        if (key != null)
        {
            foreach (var k in keys)
            {
                Heap.XDecRef((PyObject*)k);
            }
        }

        for (nint i = 0; i < n; i++)
        {
            saved[i] = (PyObject*)items[i];
        }

        // Put the sorted items back; whatever the comparisons added meanwhile is dropped.
        var modified = list->Items != null || list->Base.Size != 0;
        var addedItems = list->Items;
        var addedSize = list->Base.Size;
        var addedAllocated = list->Allocated;
        list->Items = saved;
        list->Base.Size = n;
        list->Allocated = allocated;
        if (modified)
        {
            for (var i = addedSize - 1; i >= 0; i--)
            {
                Heap.XDecRef(addedItems[i]);
            }

            if (addedItems != null)
            {
                heap.FreeBuffer(addedItems, (nuint)(8 * addedAllocated));
            }

            if (ok)
            {
                heap.RaiseValueError("list modified during sort");
                ok = false;
            }
        }

        return ok ? heap.None : PyRef.Null;
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> stably, moving <paramref name="items"/> alongside; false with
    /// the error set when a comparison failed (every item is still there, partly sorted).
    /// </summary>
    /// <remarks>
    /// TimSort's start: the first run as count_run finds it (a strictly descending run is
    /// reversed in place, which keeps the sort stable); below 64 items the rest is placed by
    /// binary insertion, as TimSort does, so small lists see CPython's comparisons exactly.
    /// Longer lists go on as a natural merge sort over the following runs, merged pairwise
    /// (sorted or reversed input: n - 1 comparisons, as in CPython).
    /// </remarks>
    private static bool MergeSort(Heap heap, PyObject* cmp, nint[] keys, nint[] items)
    {
        var n = keys.Length;
        if (n < 2)
        {
            return true;
        }

        var less = Comparer(heap, cmp, keys);
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var ok = true;
        var runs = new List<int> { 0 };
        for (var start = 0; start < n && ok;)
        {
            if (start > 0 && n < MinMerge)
            {
                // As TimSort with fewer than 64 items: the first run, then binary insertion of the rest.
                ok = BinaryInsertion(less, order, start);
                runs = [0, n];
                break;
            }

            var end = start + 1;
            if (end < n)
            {
                var r = less(order[end], order[start]);
                var descending = r == 1;
                ok = r >= 0;
                while (ok && end + 1 < n)
                {
                    r = less(order[end + 1], order[end]);
                    ok = r >= 0;
                    if (!ok || (r == 1) != descending)
                    {
                        break;
                    }

                    end++;
                }

                end++;
                if (descending)
                {
                    Array.Reverse(order, start, end - start);
                }
            }

            start = end;
            runs.Add(start);
        }

        if (!ok)
        {
            Permute(order, keys, items);
            return false;
        }

        var buffer = new int[n];
        while (runs.Count > 2)
        {
            var merged = new List<int> { 0 };
            var k = 0;
            for (; k + 2 < runs.Count; k += 2)
            {
                ok &= Merge(less, order, buffer, runs[k], runs[k + 1], runs[k + 2], ok);
                merged.Add(runs[k + 2]);
            }

            if (k + 1 < runs.Count)
            {
                merged.Add(runs[k + 1]);
            }

            runs = merged;
        }

        Permute(order, keys, items);
        return ok;
    }

    /// <summary>Below this many items TimSort sorts by binary insertion after the first run (MIN_MERGE).</summary>
    private const int MinMerge = 64;

    /// <summary>
    /// binarysort: inserts order[start..] one by one into the sorted order[..start), finding each
    /// place by binary search (equal items go after: stable). False when a comparison failed.
    /// </summary>
    private static bool BinaryInsertion(Func<int, int, int> less, int[] order, int start)
    {
        for (var i = start; i < order.Length; i++)
        {
            var pivot = order[i];
            int l = 0, r = i;
            while (l < r)
            {
                var p = l + ((r - l) >> 1);
                var lt = less(pivot, order[p]);
                if (lt < 0)
                {
                    return false;
                }

                if (lt == 1)
                {
                    r = p;
                }
                else
                {
                    l = p + 1;
                }
            }

            Array.Copy(order, l, order, l + 1, i - l);
            order[l] = pivot;
        }

        return true;
    }

    /// <summary>Merges order[lo..mid) and order[mid..hi); after a failed comparison (or with <paramref name="compare"/> false) it only copies, so order stays a permutation.</summary>
    private static bool Merge(Func<int, int, int> less, int[] order, int[] buffer, int lo, int mid, int hi, bool compare)
    {
        Array.Copy(order, lo, buffer, lo, hi - lo);
        int i = lo, j = mid, k = lo;
        var ok = compare;
        while (i < mid && j < hi)
        {
            // Take from the right run only when strictly less: that keeps the sort stable.
            var r = ok ? less(buffer[j], buffer[i]) : 0;
            if (r < 0)
            {
                ok = false;
                r = 0;
            }

            order[k++] = r == 1 ? buffer[j++] : buffer[i++];
        }

        while (i < mid)
        {
            order[k++] = buffer[i++];
        }

        while (j < hi)
        {
            order[k++] = buffer[j++];
        }

        return ok || !compare;
    }

    /// <summary>Puts items and keys in the sorted order.</summary>
    private static void Permute(int[] order, nint[] keys, nint[] items)
    {
        var sortedItems = new nint[order.Length];
        var sortedKeys = keys == items ? sortedItems : new nint[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortedItems[i] = items[order[i]];
            sortedKeys[i] = keys[order[i]];
        }

        sortedItems.CopyTo(items, 0);
        if (keys != items)
        {
            sortedKeys.CopyTo(keys, 0);
        }
    }

    /// <summary>
    /// <c>keys[a] &lt; keys[b]</c> as 1, 0, or -1 with the error set. As CPython's listsort
    /// does, keys that are all exact ints, all exact floats or all exact strs are compared
    /// directly, without going through rich comparison (no user code can run for them).
    /// </summary>
    private static Func<int, int, int> Comparer(Heap heap, PyObject* cmp, nint[] keys)
    {
        if (cmp != null)
        {
            return (a, b) => LessThan(heap, cmp, keys[a], keys[b]);
        }

        var types = heap.Types;
        var first = ((PyObject*)keys[0])->Type;
        var same = true;
        foreach (var k in keys)
        {
            same &= ((PyObject*)k)->Type == first;
        }

        if (same && (first == types.Int.TypeObject || (types.Long != null && first == types.Long.TypeObject)))
        {
            var values = new long[keys.Length];
            var fits = true;
            for (var i = 0; i < keys.Length && fits; i++)
            {
                fits = heap.TryAsLong((PyObject*)keys[i], out values[i]);
            }

            if (fits)
            {
                return (a, b) => values[a] < values[b] ? 1 : 0;
            }
        }

        if (same && first == types.Float.TypeObject)
        {
            var values = keys.Select(k => heap.AsDouble((PyObject*)k)).ToArray();
            return (a, b) => values[a] < values[b] ? 1 : 0;
        }

        if (same && first == types.Str.TypeObject)
        {
            // Ordinal order is code point order unless a surrogate pair is involved.
            var values = keys.Select(k => Str.StrType.AsString((PyObject*)k)).ToArray();
            if (!values.Any(v => v.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0))
            {
                return (a, b) => string.CompareOrdinal(values[a], values[b]) < 0 ? 1 : 0;
            }
        }

        return (a, b) => LessThan(heap, null, keys[a], keys[b]);
    }

    /// <summary><c>a &lt; b</c> by rich comparison, or (2.7) <c>cmp(a, b) &lt; 0</c>: 1, 0, or -1 with the error set.</summary>
    private static int LessThan(Heap heap, PyObject* cmp, nint a, nint b)
    {
        if (cmp == null)
        {
            return heap.RichCompareBool((PyObject*)a, (PyObject*)b, CompareOp.Lt);
        }

        var args = heap.NewTuple(new PyRef((PyObject*)a), new PyRef((PyObject*)b));
        if (args.IsNull)
        {
            return -1;
        }

        var r = heap.Call(cmp, args.Ptr, null);
        args.DecRef();
        if (r.IsNull)
        {
            return -1;
        }

        if (!heap.TryAsLong(r.Ptr, out var c))
        {
            var message = heap.IsInt(r.Ptr) ? "comparison function must return int" : "comparison function must return int, not " + r.Descriptor.Name;
            r.DecRef();
            heap.RaiseTypeError(message);
            return -1;
        }

        r.DecRef();
        return c < 0 ? 1 : 0;
    }
}
