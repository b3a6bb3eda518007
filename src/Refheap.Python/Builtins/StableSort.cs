using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary>
/// The sort behind <c>sorted</c>: stable, comparing with <c>&lt;</c> only (or 2.7's
/// <c>cmp</c> function), keys computed once per item, and <c>reverse</c> kept stable by
/// reversing before and after, as CPython's list.sort does. Any error stops it.
/// </summary>
internal sealed class StableSort(ObjectApi api, PyRef cmp, bool messages27)
{
    /// <summary>Sorts <paramref name="items"/> (owned references, moved not copied); false with the error set.</summary>
    public bool Sort(List<PyRef> items, PyRef key, bool reverse)
    {
        var keys = new PyRef[items.Count];
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                keys[i] = key.IsNull ? items[i].NewRef() : api.Call(key, [items[i]]);
                if (keys[i].IsNull)
                {
                    return false;
                }
            }

            var order = Enumerable.Range(0, items.Count).ToArray();
            if (reverse)
            {
                Array.Reverse(order);
            }

            var scratch = new int[order.Length];
            if (!MergeSort(order, scratch, 0, order.Length, keys))
            {
                return false;
            }

            if (reverse)
            {
                Array.Reverse(order);
            }

            var sorted = order.Select(i => items[i]).ToList();
            items.Clear();
            items.AddRange(sorted);
            return true;
        }
        finally
        {
            foreach (var k in keys)
            {
                k.XDecRef();
            }
        }
    }

    private bool MergeSort(int[] order, int[] scratch, int lo, int hi, PyRef[] keys)
    {
        if (hi - lo < 2)
        {
            return true;
        }

        var mid = (lo + hi) / 2;
        if (!MergeSort(order, scratch, lo, mid, keys) || !MergeSort(order, scratch, mid, hi, keys))
        {
            return false;
        }

        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi)
        {
            // Take from the right run only when strictly less: equal items keep their order.
            var less = LessThan(keys[order[j]], keys[order[i]]);
            if (less < 0)
            {
                return false;
            }

            scratch[k++] = less == 1 ? order[j++] : order[i++];
        }

        while (i < mid)
        {
            scratch[k++] = order[i++];
        }

        while (j < hi)
        {
            scratch[k++] = order[j++];
        }

        Array.Copy(scratch, lo, order, lo, hi - lo);
        return true;
    }

    // 1 when a < b, 0 when not, -1 with the error set.
    private int LessThan(PyRef a, PyRef b)
    {
        if (cmp.IsNull)
        {
            return api.RichCompareBool(a, b, CompareOp.Lt);
        }

        var r = api.Call(cmp, [a, b]);
        if (r.IsNull)
        {
            return -1;
        }

        try
        {
            if (!api.IsInt(r))
            {
                api.Raise("TypeError", messages27 ? "comparison function must return int" : $"comparison function must return int, not {r.Descriptor.Name}");
                return -1;
            }

            return api.AsBigInteger(r).Sign < 0 ? 1 : 0;
        }
        finally
        {
            r.DecRef();
        }
    }
}
