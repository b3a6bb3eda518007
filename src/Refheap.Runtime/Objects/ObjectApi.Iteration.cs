using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Range;

namespace Refheap.Objects;

/// <summary>
/// The iteration protocol for the evaluator and the builtins (<see cref="Heap.GetIter"/> and
/// friends with <see cref="PyRef"/> in and out). Conventions as <see cref="Heap"/>'s.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary><c>iter(o)</c>: a new reference to an iterator, or null with TypeError set.</summary>
    public PyRef GetIter(PyRef o) => Heap.GetIter(o.Ptr);

    /// <summary>
    /// One step of an iterator: the next item (new reference); null WITHOUT an error at the end
    /// (a Python-level StopIteration included); null with the error set on failure.
    /// </summary>
    public PyRef IterNext(PyRef iterator)
    {
        // FOR_ITER over a range or a list takes its next item here, as CPython's ceval does
        // (3.12's FOR_ITER_RANGE / FOR_ITER_LIST; 2.7 calls the iterator's tp_iternext without
        // the generic protocol): the same new int or item. The last step, which lets go of the
        // list, and every other iterator take the type's own IterNext.
        var o = iterator.Ptr;
        var iterators = Heap.Types.Iterators;
        if (o->Type == iterators.RangeIterator.TypeObject)
        {
            var range = (PyRangeIteratorObject*)o;
            if (range->Index < range->Length)
            {
                var value = range->Start + (range->Index * range->Step);
                range->Index++;
                return Heap.NewInt(value);
            }
        }
        else if (o->Type == iterators.List.TypeObject)
        {
            var it = (PySequenceIteratorObject*)o;
            var list = it->Seq;
            if (list != null && it->Index < ListType.Size(list))
            {
                var item = ListType.Items(list)[it->Index++];
                item->RefCount++;
                return new PyRef(item);
            }
        }

        return Heap.IterNext(o);
    }

    /// <summary>Whether <paramref name="o"/> is an iterator (<c>next()</c> accepts it).</summary>
    public bool IsIterator(PyRef o) => Heap.IsIterator(o.Ptr);

    /// <summary><c>item in container</c>: 1, 0, or -1 with the error set.</summary>
    public int Contains(PyRef container, PyRef item) => Heap.Contains(container.Ptr, item.Ptr);

    /// <summary><c>list(iterable)</c>: a new list, or null with the error set.</summary>
    public PyRef ListFromIterable(PyRef iterable) => Heap.ListFromIterable(iterable.Ptr);

    /// <summary><c>tuple(iterable)</c>: a new tuple (an exact tuple itself), or null with the error set.</summary>
    public PyRef TupleFromIterable(PyRef iterable) => Heap.TupleFromIterable(iterable.Ptr);

    /// <summary>PyObject_LengthHint: <c>len(o)</c>, else <c>o.__length_hint__()</c>, else <paramref name="fallback"/>; -1 with the error set.</summary>
    public nint LengthHint(PyRef o, nint fallback) => Heap.LengthHint(o.Ptr, fallback);

    /// <summary><c>list.extend(iterable)</c> on a list; 0 or -1.</summary>
    public int ExtendList(PyRef list, PyRef iterable) => Heap.ExtendList(list.Ptr, iterable.Ptr);

    /// <summary>
    /// Calls <paramref name="action"/> with each item of <paramref name="iterable"/> (borrowed
    /// for the call) until it returns non-zero: 0 at the end, the action's non-zero result, or
    /// -1 with the error set when iterating failed.
    /// </summary>
    public int ForEach(PyRef iterable, Func<PyRef, int> action) => Heap.ForEach(iterable.Ptr, p => action(new PyRef((PyObject*)p)));

    /// <summary>
    /// <c>reversed(o)</c> for the types with their own reverse iterator (list, range/xrange):
    /// true with a new reference in <paramref name="iterator"/> (null with the error set on
    /// failure); false for any other object, nothing set (the builtin then uses
    /// <c>__reversed__</c> or the sequence protocol).
    /// </summary>
    public bool TryGetReversedIter(PyRef o, out PyRef iterator) => Heap.TryGetReversedIter(o.Ptr, out iterator);

    /// <summary>
    /// The lazy range type: 3.x <c>range</c>, 2.7 <c>xrange</c> (borrowed; calling it makes a range).
    /// </summary>
    public PyRef RangeType => Heap.TypeObjectOf(Heap.Types.Iterators.Range);

    /// <summary>2.7's builtin <c>range(*args, **kwargs)</c>: a new list, or null with 2.7's errors set.</summary>
    public PyRef RangeList(PyRef args, PyRef kwargs) => Heap.Types.Iterators.Range.NewList(args.Ptr, kwargs.Ptr);
}
