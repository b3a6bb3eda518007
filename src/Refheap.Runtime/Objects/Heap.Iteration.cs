using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects;

/// <summary>
/// The iteration protocol (PyObject_GetIter, PyIter_Next, PySequence_Contains) and the
/// helpers built on it that the evaluator, the builtins and the types' methods share.
/// </summary>
internal sealed unsafe partial class Heap
{
    /// <summary>
    /// <c>iter(o)</c> (PyObject_GetIter): a new reference to an iterator, or null with the error
    /// set — TypeError "'X' object is not iterable", or "iter() returned non-iterator of type
    /// 'Y'" when a class's <c>__iter__</c> gives something that is not an iterator.
    /// </summary>
    public PyRef GetIter(PyObject* o)
    {
        var it = o->Type->Descriptor.Iter(o);
        if (it.IsNull || it.Descriptor.IsIterator(it.Ptr))
        {
            return it;
        }

        var name = it.Descriptor.Name;
        it.DecRef();
        return RaiseTypeError($"iter() returned non-iterator of type '{name}'");
    }

    /// <summary>
    /// One step of an iterator (PyIter_Next): the next item as a new reference; null WITHOUT an
    /// error when the iterator is exhausted (a StopIteration raised by a Python-level
    /// <c>next</c>/<c>__next__</c> is turned into that); null with the error set on failure.
    /// </summary>
    public PyRef IterNext(PyObject* it)
    {
        var item = it->Type->Descriptor.IterNext(it);
        if (item.IsNull && ErrorMatches(Types.Exceptions.StopIteration))
        {
            ClearError();
        }

        return item;
    }

    /// <summary>Whether <paramref name="o"/> is an iterator (PyIter_Check): <c>next()</c> accepts it.</summary>
    public bool IsIterator(PyObject* o) => o->Type->Descriptor.IsIterator(o);

    /// <summary>
    /// <c>item in container</c> (PySequence_Contains): 1, 0, or -1 with the error set. The
    /// container's own test (a built-in's, or a class's <c>__contains__</c>), else a search by
    /// iteration.
    /// </summary>
    public int Contains(PyObject* container, PyObject* item) => container->Type->Descriptor.Contains(container, item);

    /// <summary>
    /// <c>item in container</c> by iterating <paramref name="container"/> and comparing each item
    /// for equality (_PySequence_IterSearch); a container that cannot be iterated raises
    /// TypeError "argument of type 'X' is not iterable". 1, 0, or -1.
    /// </summary>
    public int ContainsByIteration(PyObject* container, PyObject* item)
    {
        var it = GetIter(container);
        if (it.IsNull)
        {
            if (ErrorMatches(Types.Exceptions.TypeError))
            {
                RaiseTypeError($"argument of type '{container->Type->Descriptor.Name}' is not iterable");
            }

            return -1;
        }

        var found = 0;
        while (found == 0)
        {
            var next = IterNext(it.Ptr);
            if (next.IsNull)
            {
                found = ErrorOccurred ? -1 : 0;
                break;
            }

            found = CompareForSearch(next.Ptr, item);
            next.DecRef();
            if (found != 0)
            {
                break;
            }
        }

        it.DecRef();
        return found;
    }

    /// <summary>
    /// Equality of a container's element with a searched value as the containers' searches
    /// test it (in, index, count, remove): 3.x compares <c>element == value</c>, 2.7
    /// <c>value == element</c> (the reflected order, bpo-37648). 1, 0, or -1.
    /// </summary>
    public int CompareForSearch(PyObject* element, PyObject* value) =>
        Types.Iterators.Behaviour.SearchComparesElementFirst
            ? RichCompareBool(element, value, CompareOp.Eq)
            : RichCompareBool(value, element, CompareOp.Eq);

    /// <summary>
    /// <c>list(iterable)</c>: a new list of the items, or null with the error set, allocated as
    /// CPython's list constructor allocates it (<see cref="Native.List.ListExtend"/>).
    /// </summary>
    public PyRef ListFromIterable(PyObject* iterable) => Native.List.ListExtend.FromIterable(this, iterable);

    /// <summary>
    /// <c>tuple(iterable)</c> (PySequence_Tuple): a new tuple of the items (an exact tuple is
    /// returned itself, with a new reference), or null with the error set. A list (3.x: an
    /// exact one) is copied at once; anything else is iterated into a tuple of its length
    /// hint (10 without one), grown by 10 and a quarter when full and cut back at the end
    /// (<see cref="TupleType.Resize"/>), as CPython does: no list in between.
    /// </summary>
    public PyRef TupleFromIterable(PyObject* iterable)
    {
        if (iterable->Type == Types.Tuple.TypeObject)
        {
            return new PyRef(iterable).NewRef();
        }

        if (Profile.IntPromotesToLong ? IsInstance(iterable, Types.List) : iterable->Type == Types.List.TypeObject)
        {
            var size = ListType.Size(iterable);
            var copy = Types.Tuple.New(size);
            if (!copy.IsNull)
            {
                var items = ListType.Items(iterable);
                for (nint i = 0; i < size; i++)
                {
                    IncRef(items[i]);
                    TupleType.Items(copy.Ptr)[i] = items[i];
                }
            }

            return copy;
        }

        var it = GetIter(iterable);
        if (it.IsNull)
        {
            return it;
        }

        var n = LengthHint(iterable, 10);
        var tuple = n < 0 ? PyRef.Null : Types.Tuple.New(n);
        nint j = 0;
        while (!tuple.IsNull)
        {
            var item = IterNext(it.Ptr);
            if (item.IsNull)
            {
                if (ErrorOccurred)
                {
                    tuple.DecRef();
                    tuple = PyRef.Null;
                }

                break;
            }

            if (j >= n)
            {
                n += 10;
                n += n >> 2;
                if (!Types.Tuple.Resize(ref tuple, n))
                {
                    item.DecRef();
                    break;
                }
            }

            TupleType.Items(tuple.Ptr)[j++] = item.Ptr;
        }

        if (!tuple.IsNull && j < n)
        {
            Types.Tuple.Resize(ref tuple, j);
        }

        it.DecRef();
        return tuple;
    }

    /// <summary>
    /// <c>list.extend(iterable)</c> (list_extend): appends every item; 0, or -1 with the error
    /// set (the items appended before the failure stay). A list extended with itself doubles.
    /// </summary>
    public int ExtendList(PyObject* list, PyObject* iterable) => Native.List.ListExtend.Extend(this, list, iterable);

    /// <summary>PyObject_LengthHint: <c>len(o)</c>, else <c>o.__length_hint__()</c>, else <paramref name="fallback"/>; -1 with the error set on failure.</summary>
    public nint LengthHint(PyObject* o, nint fallback) => Native.List.ListExtend.LengthHint(this, o, fallback);

    /// <summary>
    /// Calls <paramref name="action"/> with each item of <paramref name="iterable"/> (borrowed
    /// for the call) until it returns non-zero. 0 at the end, the action's result when it
    /// stopped early, or -1 with the error set when iteration failed.
    /// </summary>
    public int ForEach(PyObject* iterable, Func<nint, int> action)
    {
        var it = GetIter(iterable);
        if (it.IsNull)
        {
            return -1;
        }

        var status = 0;
        while (status == 0)
        {
            var next = IterNext(it.Ptr);
            if (next.IsNull)
            {
                status = ErrorOccurred ? -1 : 0;
                break;
            }

            status = action(next.Address);
            next.DecRef();
        }

        it.DecRef();
        return status;
    }

    /// <summary>
    /// <c>reversed(o)</c> for a list (list_reverseiterator) or a range (its iterator, backwards):
    /// true with a new reference (null with the error set on failure); false for anything else.
    /// </summary>
    public bool TryGetReversedIter(PyObject* o, out PyRef iterator)
    {
        if (o->Type == Types.List.TypeObject)
        {
            iterator = Types.Iterators.ReversedList.New(o);
            return true;
        }

        if (o->Type == Types.Iterators.Range.TypeObject)
        {
            iterator = Types.Iterators.Range.ReversedIter(o);
            return true;
        }

        iterator = PyRef.Null;
        return false;
    }

    /// <summary>Raises StopIteration without arguments (the end of an iterator's <c>next()</c>); returns null.</summary>
    public PyRef RaiseStopIteration()
    {
        var e = Types.Exceptions.StopIteration.Instantiate(new PyRef(Types.Tuple.Empty));
        return e.IsNull ? e : RestoreError(e);
    }
}
