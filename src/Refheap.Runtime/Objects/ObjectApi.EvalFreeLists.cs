namespace Refheap.Objects;

/// <summary>The free lists and long-lived objects the evaluator starts a program with.</summary>
internal sealed partial class ObjectApi
{
    /// <summary>
    /// Makes what CPython's interpreter has made before a program starts, so that the
    /// program's first use of it allocates nothing and takes nothing from the free lists:
    /// gc.garbage (2.7's start-up collections, 3.12's _PyGC_Init), 3.12's gc.callbacks and
    /// 2.7's empty frozenset. Called before <see cref="PrefillFreeLists"/>.
    /// </summary>
    public void MakeStartupObjects()
    {
        Heap.Gc.EnsureGarbage();
        if (Heap.Profile.Name != Profile.Py27.Name)
        {
            Heap.Gc.EnsureCallbacks();
        }

        Heap.Types.FrozenSet.PrepareEmptyFrozenSet();
    }

    /// <summary>
    /// Tops up the tuple free lists (<paramref name="tupleCounts"/>[i] blocks for tuples of
    /// i + 1 items), the list, dict, bound-method and 2.7's set free lists and 3.12's slice cache to what
    /// CPython's start-up leaves on them, so that a program's first tuples, lists, dicts, sets, methods and slices are recycled as
    /// CPython's are (no allocation counted). Uncounted; a full collection empties them as it empties the rest.
    /// </summary>
    public void PrefillFreeLists(ReadOnlySpan<int> tupleCounts, int listCount, int methodCount, int dictCount = 0, int setCount = 0, int sliceCount = 0)
    {
        Heap.Types.Dict.Prefill(dictCount);
        Heap.Types.Set.Prefill(setCount);
        Heap.Types.Slice.Prefill(sliceCount);
        for (var i = 0; i < tupleCounts.Length; i++)
        {
            Heap.Types.Tuple.Prefill(i + 1, tupleCounts[i]);
        }

        Heap.Types.List.Prefill(listCount);
        Heap.Types.Method.Prefill(methodCount);
    }
}
