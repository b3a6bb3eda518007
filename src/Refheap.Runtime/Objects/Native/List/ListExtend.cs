using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.List;

/// <summary>
/// <c>list.extend(iterable)</c> and <c>list(iterable)</c> with CPython's allocations, which
/// <c>sys.getsizeof</c> shows: the room made up front from the iterable's length or length hint
/// (default 8), the growth while appending, and the cut back at the end.
/// </summary>
internal static unsafe class ListExtend
{
    /// <summary>
    /// <c>list.extend(iterable)</c> (list_extend): 0, or -1 with the error set (the items appended
    /// before a failure stay). A list extended with itself appends the items it had.
    /// </summary>
    public static int Extend(Heap heap, PyObject* list, PyObject* iterable)
    {
        var types = heap.Types;
        if (iterable->Type == types.List.TypeObject || iterable->Type == types.Tuple.TypeObject || iterable == list)
        {
            return ExtendFromSequence(heap, list, iterable);
        }

        var it = heap.GetIter(iterable);
        if (it.IsNull)
        {
            return -1;
        }

        var status = ExtendFromIterator(heap, list, iterable, it.Ptr);
        it.DecRef();
        return status;
    }

    /// <summary>
    /// <c>list(iterable)</c>: a new list, or null with the error set. 3.x's list_vectorcall
    /// first makes room for exactly <c>len(iterable)</c> items when the iterable has a length.
    /// </summary>
    public static PyRef FromIterable(Heap heap, PyObject* iterable)
    {
        var list = heap.Types.List.New(0);
        if (list.IsNull || Fill(heap, list.Ptr, iterable) == 0)
        {
            return list;
        }

        list.DecRef();
        return PyRef.Null;
    }

    /// <summary>
    /// What <c>list.__init__(iterable)</c> does to an empty list (list___init___impl): 3.x makes
    /// room for exactly <c>len(iterable)</c> items when it has a length, then extends. 0 or -1.
    /// </summary>
    public static int Fill(Heap heap, PyObject* list, PyObject* iterable)
    {
        if (Behaviour(heap).ListPreallocatesExactly && ((PyListObject*)list)->Items == null
            && iterable->Type != heap.Types.List.TypeObject && iterable->Type != heap.Types.Tuple.TypeObject)
        {
            var n = LengthOrMinusOne(heap, iterable);
            if ((n < 0 && heap.ErrorOccurred) || (n > 0 && PreallocateExact(heap, list, n) < 0))
            {
                return -1;
            }
        }

        return Extend(heap, list, iterable);
    }

    private static IterationBehaviour Behaviour(Heap heap) => heap.Types.Iterators.Behaviour;

    private static int ExtendFromSequence(Heap heap, PyObject* list, PyObject* seq)
    {
        // Read the size once: l.extend(l) appends the items that were there.
        var isTuple = seq->Type == heap.Types.Tuple.TypeObject;
        var n = isTuple ? TupleType.Size(seq) : ListType.Size(seq);
        if (n == 0)
        {
            return 0;
        }

        var m = ListType.Size(list);
        if (Behaviour(heap).ListPreallocatesExactly && ((PyListObject*)list)->Items == null)
        {
            if (PreallocateExact(heap, list, n) < 0)
            {
                return -1;
            }

            ((PyVarObject*)list)->Size = n;
        }
        else if (heap.Types.List.Resize(list, m + n) < 0)
        {
            return -1;
        }

        // Resized before the source's items are read: l.extend(l) reads its own new buffer.
        var source = isTuple ? TupleType.Items(seq) : ListType.Items(seq);
        var dest = ListType.Items(list) + m;
        for (nint i = 0; i < n; i++)
        {
            Heap.IncRef(source[i]);
            dest[i] = source[i];
        }

        return 0;
    }

    private static int ExtendFromIterator(Heap heap, PyObject* list, PyObject* iterable, PyObject* it)
    {
        var hint = LengthHint(heap, iterable, 8);
        if (hint < 0)
        {
            return -1;
        }

        var lists = heap.Types.List;
        var m = ListType.Size(list);
        if (Behaviour(heap).ListPreallocatesExactly && ((PyListObject*)list)->Items == null)
        {
            if (hint > 0 && PreallocateExact(heap, list, hint) < 0)
            {
                return -1;
            }
        }
        else
        {
            if (lists.Resize(list, m + hint) < 0)
            {
                return -1;
            }

            // Room made; the list is sane again at its old size.
            ((PyVarObject*)list)->Size = m;
        }

        var status = 0;
        while (true)
        {
            var item = heap.IterNext(it);
            if (item.IsNull)
            {
                status = heap.ErrorOccurred ? -1 : 0;
                break;
            }

            var size = ListType.Size(list);
            if (size < ((PyListObject*)list)->Allocated)
            {
                // The list takes the iterator's reference.
                ListType.Items(list)[size] = item.Ptr;
                ((PyVarObject*)list)->Size = size + 1;
                continue;
            }

            status = lists.Append(list, item.Ptr);
            item.DecRef();
            if (status < 0)
            {
                break;
            }
        }

        // Cut back if the guess was too large (shrinking only fails when the allocator cannot shrink; the list stays valid).
        var final = ListType.Size(list);
        if (final < ((PyListObject*)list)->Allocated && lists.Resize(list, final) < 0)
        {
            heap.ClearError();
        }

        return status;
    }

    /// <summary>
    /// list_preallocate_exact: the item buffer of an empty list with room for exactly
    /// <paramref name="n"/> items, rounded up to even (3.x); the size stays 0. 0 or -1.
    /// </summary>
    private static int PreallocateExact(Heap heap, PyObject* list, nint n)
    {
        n = (n + 1) & ~(nint)1;
        if (n > int.MaxValue / 8)
        {
            heap.SetNoMemory();
            return -1;
        }

        var items = (PyObject**)heap.AllocBuffer((nuint)(8 * n));
        if (items == null)
        {
            return -1;
        }

        var l = (PyListObject*)list;
        l->Items = items;
        l->Allocated = n;
        return 0;
    }

    /// <summary><c>len(o)</c> when the object has a length; -1 (nothing set) when it has none, -1 with the error set on failure.</summary>
    private static nint LengthOrMinusOne(Heap heap, PyObject* o)
    {
        if (o->Type->Descriptor is IteratorType or Generator.GeneratorType)
        {
            // No len(): 3.12 asks first (_PyObject_HasLen); 2.7 gets its TypeError as a bare
            // message, no exception object, and matches it.
            heap.Types.NativeFunction.ModelSubclassCheck();
            return -1;
        }

        var n = heap.Length(o);
        if (n < 0 && heap.ErrorOccurred)
        {
            // 2.7's _PyObject_LengthHint matches the error against TypeError with PyObject_IsSubclass.
            heap.Types.NativeFunction.ModelSubclassCheck();
        }

        if (n < 0 && (heap.ErrorMatches(heap.Types.Exceptions.TypeError)
            || (o->Type->Descriptor is Classic.ClassicInstanceType && heap.ErrorMatches(heap.Types.Exceptions.AttributeError))))
        {
            // 2.7 also passes over AttributeError: a classic instance without __len__ raises it.
            heap.ClearError();
        }

        return n;
    }

    /// <summary>
    /// PyObject_LengthHint: <c>len(o)</c> when it has one, else its <c>__length_hint__()</c>,
    /// else <paramref name="fallback"/>; -1 with the error set on failure.
    /// </summary>
    public static nint LengthHint(Heap heap, PyObject* o, nint fallback)
    {
        var n = LengthOrMinusOne(heap, o);
        if (n >= 0 || heap.ErrorOccurred)
        {
            return n;
        }

        if (o->Type->Descriptor is IteratorType iterator)
        {
            return iterator.LengthHint(o);
        }

        if (!heap.TryCallSpecial(o, "__length_hint__", out var result))
        {
            return fallback;
        }

        if (result.IsNull)
        {
            return -1;
        }

        var isNotImplemented = result.Ptr == heap.Types.NotImplemented.Singleton;
        var ok = heap.TryAsLong(result.Ptr, out var hint);
        var typeName = result.Descriptor.Name;
        result.DecRef();
        if (isNotImplemented)
        {
            return fallback;
        }

        if (!ok || hint < 0)
        {
            heap.Raise(ok ? heap.Types.Exceptions.ValueError : heap.Types.Exceptions.TypeError,
                ok ? "__length_hint__() should return >= 0" : $"__length_hint__ must be an integer, not {typeName}");
            return -1;
        }

        return (nint)hint;
    }
}
