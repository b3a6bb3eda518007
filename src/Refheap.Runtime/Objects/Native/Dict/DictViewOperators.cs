namespace Refheap.Objects.Native.Dict;

/// <summary>
/// The set operators of the set-like dict views (<c>dict_keys</c>, <c>dict_items</c>) on either
/// side of <c>|</c>, <c>&amp;</c>, <c>-</c>, <c>^</c> (dictviews_or and co): the result is a new
/// set. The left operand is made into a set (3.x takes a keys view of an exact dict's keys
/// straight from the dict), then updated by the matching set method with the right one; 3.x's
/// <c>&amp;</c> instead collects the items of the shorter side found in the view.
/// </summary>
internal static unsafe class DictViewOperators
{
    /// <summary>Whether <paramref name="o"/> is a keys or items view (values views are not set-like).</summary>
    public static bool IsSetLike(Heap heap, PyObject* o) =>
        o->Type == heap.Types.Iterators.KeysView.TypeObject || o->Type == heap.Types.Iterators.ItemsView.TypeObject;

    /// <summary><c>a op b</c> where one operand is a set-like view: a new set, or null with the error set.</summary>
    public static PyRef Binary(Heap heap, PyObject* a, PyObject* b, ObjectApi.Operator op)
    {
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        if (op == ObjectApi.Operator.And && !py27)
        {
            return Intersect(heap, a, b);
        }

        var sets = heap.Types.Set;
        var result = ToSet(heap, a, py27);
        if (result.IsNull)
        {
            return result;
        }

        // 2.7 calls the method by name (PyObject_CallMethod): a bound method and a 1-tuple made
        // and dropped; 3.x calls difference_update (METH_VARARGS) with a 1-tuple, the others without.
        var args = PyRef.Null;
        if (py27 || op == ObjectApi.Operator.Subtract)
        {
            args = !py27 || heap.Types.NativeFunction.ModelBoundMethod() ? heap.NewTuple(new PyRef(b)) : PyRef.Null;
            if (args.IsNull)
            {
                result.DecRef();
                return PyRef.Null;
            }
        }

        int status;
        if (op == ObjectApi.Operator.And)
        {
            var common = sets.Intersection(result.Ptr, b);
            status = common.IsNull ? -1 : 0;
            if (!common.IsNull)
            {
                sets.SwapBodies(result.Ptr, common.Ptr);
                common.DecRef();
            }
        }
        else
        {
            status = op switch
            {
                ObjectApi.Operator.Or => sets.Update(result.Ptr, b),
                ObjectApi.Operator.Subtract => sets.DifferenceUpdate(result.Ptr, b),
                _ => sets.SymmetricDifferenceUpdate(result.Ptr, b),
            };
        }

        args.XDecRef();
        if (status < 0)
        {
            result.DecRef();
            return PyRef.Null;
        }

        return result;
    }

    /// <summary>dictviews_to_set: a new set of <paramref name="o"/>'s items (3.x reads an exact dict's keys view from the dict).</summary>
    private static PyRef ToSet(Heap heap, PyObject* o, bool py27)
    {
        var source = o;
        if (!py27 && o->Type == heap.Types.Iterators.KeysView.TypeObject)
        {
            var dict = DictViewType.DictOf(o);
            if (dict != null && dict->Type == heap.Types.Dict.TypeObject)
            {
                source = dict;
            }
        }

        return heap.Types.Set.New(source);
    }

    /// <summary>
    /// 3.x's _PyDictView_Intersect: against a larger (or equal) exact set, that set's
    /// intersection; else the items of the other side (the smaller view of two) that are in
    /// the view, in a new set.
    /// </summary>
    private static PyRef Intersect(Heap heap, PyObject* a, PyObject* b)
    {
        var view = a;
        var other = b;
        if (!IsSetLike(heap, view))
        {
            view = b;
            other = a;
        }

        var sets = heap.Types.Set;
        var length = heap.Length(view);
        if (other->Type == sets.TypeObject && length <= sets.Count(other))
        {
            // other.intersection(view): a METH_VARARGS call, with its 1-tuple.
            var args = heap.NewTuple(new PyRef(view));
            var common = args.IsNull ? PyRef.Null : sets.Intersection(other, view);
            args.XDecRef();
            return common;
        }

        if (IsSetLike(heap, other) && heap.Length(other) > length)
        {
            var larger = other;
            other = view;
            view = larger;
        }

        var result = sets.New(null);
        if (result.IsNull)
        {
            return result;
        }

        var status = heap.ForEach(other, item =>
        {
            var r = heap.Contains(view, (PyObject*)item);
            return r == 1 ? sets.Add(result.Ptr, (PyObject*)item) : r;
        });
        if (status < 0)
        {
            result.DecRef();
            return PyRef.Null;
        }

        return result;
    }
}
