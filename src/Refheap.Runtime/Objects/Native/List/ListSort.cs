namespace Refheap.Objects.Native.List;

/// <summary>
/// <c>list.sort()</c>: a stable merge sort with the semantics of CPython's listsort — the list
/// looks empty while it is sorted, keys are computed once up front, <c>reverse</c> keeps equal
/// items in their order, a comparison that fails stops the sort (leaving every item in the
/// list), and a list modified meanwhile raises ValueError "list modified during sort".
/// </summary>
/// <remarks>The comparisons made differ from TimSort's in number and order; the result does not.</remarks>
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
                var args = ListMethods.Single(heap, (PyObject*)items[i]);
                var k = args.IsNull ? PyRef.Null : heap.Call(key, args.Ptr, null);
                args.XDecRef();
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

    /// <summary>Sorts <paramref name="keys"/> stably, moving <paramref name="items"/> alongside; false with the error set when a comparison failed.</summary>
    private static bool MergeSort(Heap heap, PyObject* cmp, nint[] keys, nint[] items)
    {
        var n = keys.Length;
        var keyBuffer = new nint[n];
        var itemBuffer = new nint[n];
        for (var width = 1; width < n; width *= 2)
        {
            for (var lo = 0; lo < n - width; lo += 2 * width)
            {
                var mid = lo + width;
                var hi = Math.Min(lo + (2 * width), n);
                if (!Merge(heap, cmp, keys, items, keyBuffer, itemBuffer, lo, mid, hi))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Merge(Heap heap, PyObject* cmp, nint[] keys, nint[] items, nint[] keyBuffer, nint[] itemBuffer, int lo, int mid, int hi)
    {
        Array.Copy(keys, lo, keyBuffer, lo, hi - lo);
        Array.Copy(items, lo, itemBuffer, lo, hi - lo);
        int i = lo, j = mid, k = lo;
        var ok = true;
        while (i < mid && j < hi)
        {
            // Take from the right run only when strictly less: that keeps the sort stable.
            var less = ok ? LessThan(heap, cmp, keyBuffer[j], keyBuffer[i]) : 0;
            if (less < 0)
            {
                ok = false;
                less = 0;
            }

            if (less == 1)
            {
                keys[k] = keyBuffer[j];
                items[k++] = itemBuffer[j++];
            }
            else
            {
                keys[k] = keyBuffer[i];
                items[k++] = itemBuffer[i++];
            }
        }

        while (i < mid)
        {
            keys[k] = keyBuffer[i];
            items[k++] = itemBuffer[i++];
        }

        while (j < hi)
        {
            keys[k] = keyBuffer[j];
            items[k++] = itemBuffer[j++];
        }

        return ok;
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
