using Refheap.Objects.Native.Dict;

namespace Refheap.Objects;

/// <summary>The steps of 3.12's displays with <c>*x</c> and <c>**m</c> (PEP 448).</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>SET_UPDATE: adds the items of <paramref name="iterable"/> to the set (borrowed both); 0, or -1 with the error set (iter()'s own, unlike LIST_EXTEND's).</summary>
    public int SetUpdate(PyRef set, PyRef iterable) => Heap.Types.Set.Update(set.Ptr, iterable.Ptr);

    /// <summary>
    /// DICT_UPDATE: PyDict_Update of the dict with <paramref name="mapping"/> (borrowed both);
    /// 0, or -1 with the error set — "'X' object is not a mapping" for an object without keys.
    /// </summary>
    public int DictUpdate(PyRef dict, PyRef mapping)
    {
        if (DictMethods.MergeAny(Heap, dict.Ptr, mapping.Ptr) == 0)
        {
            return 0;
        }

        if (Heap.ErrorMatches(Heap.Types.Exceptions.AttributeError))
        {
            Heap.ClearError();
            Heap.RaiseTypeError($"'{mapping.Descriptor.Name}' object is not a mapping");
        }

        return -1;
    }

    /// <summary>INTRINSIC_LIST_TO_TUPLE: a new tuple of the list's items (the list borrowed), or null with the error set.</summary>
    public PyRef ListToTuple(PyRef list) =>
        Heap.NewTuple(new ReadOnlySpan<PyRef>(Native.List.ListType.Items(list.Ptr), (int)Native.List.ListType.Size(list.Ptr)));

    /// <summary>
    /// LIST_EXTEND's wording in a display when what follows <c>*</c> is not iterable at all
    /// (PyObject_GetIter's own "'X' object is not iterable": no <c>__iter__</c>, not a
    /// sequence): "Value after * must be an iterable, not X".
    /// </summary>
    public void ReplaceNotIterableError(PyRef iterable)
    {
        if (IterRefused(iterable))
        {
            Heap.ClearError();
            Heap.RaiseTypeError($"Value after * must be an iterable, not {iterable.Descriptor.Name}");
        }
    }

    /// <summary>Whether the error set is iter()'s own refusal of <paramref name="iterable"/> (not an error its <c>__iter__</c> raised).</summary>
    public bool IterRefused(PyRef iterable) =>
        Heap.PendingErrorIs(Heap.Types.Exceptions.TypeError, $"'{iterable.Descriptor.Name}' object is not iterable");
}
