using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.List;

/// <summary>
/// The methods of <c>list</c>: append, extend, insert, pop, remove, index, count, reverse,
/// sort (key, reverse; 2.7 also cmp), and 3.x's copy and clear, with CPython's argument errors.
/// </summary>
internal static unsafe class ListMethods
{
    /// <summary>The methods, for a heap's profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        List<BuiltinMethod> methods =
        [
            new("append", ArgumentSpec.One, static (h, self, a) => Done(h, h.Types.List.Append(self, a[0]))),
            new("extend", ArgumentSpec.One, static (h, self, a) => Done(h, h.ExtendList(self, a[0]))),
            new("insert", py27 ? ArgumentSpec.Takes(2, 2) : ArgumentSpec.Expect(2, 2), Insert),
            new("pop", py27 ? ArgumentSpec.Takes(0, 1) : ArgumentSpec.Expect(0, 1), Pop),
            new("remove", ArgumentSpec.One, Remove),
            new("index", py27 ? ArgumentSpec.Takes(1, 3) : ArgumentSpec.Expect(1, 3), Index),
            new("count", ArgumentSpec.One, Count),
            new("reverse", ArgumentSpec.NoArgs, static (h, self, _) => Reverse(h, self)),
            new("__reversed__", ArgumentSpec.NoArgs, static (h, self, _) => h.Types.Iterators.ReversedList.New(self)),
            new("sort", py27 ? ArgumentSpec.Keywords(["cmp", "key", "reverse"]) : ArgumentSpec.Keywords(["key", "reverse"], maxPositional: 0), py27 ? Sort27 : Sort312),
            new("__init__", (py27 ? ArgumentSpec.Keywords(["sequence"]) : ArgumentSpec.Expect(0, 1)).Named("list"), Init),
        ];
        if (!py27)
        {
            methods.Add(new("copy", ArgumentSpec.NoArgs, static (h, self, _) => Copy(h, self)));
            methods.Add(new("clear", ArgumentSpec.NoArgs, static (h, self, _) =>
            {
                h.Types.List.Clear(self);
                return h.None;
            }));
        }

        return methods;
    }

    /// <summary>None for a status of 0, null for -1 (the error is set).</summary>
    private static PyRef Done(Heap heap, int status) => status < 0 ? PyRef.Null : heap.None;

    /// <summary><c>list.__init__(iterable=())</c>: what a list subclass's constructor runs; the list is emptied, then extended.</summary>
    private static PyRef Init(Heap heap, PyObject* self, MethodArgs a)
    {
        heap.Types.List.Clear(self);
        return a[0] == null ? heap.None : Done(heap, ListExtend.Fill(heap, self, a[0]));
    }

    private static PyRef Insert(Heap heap, PyObject* self, MethodArgs a)
    {
        if (!ArgumentConversions.TryIndex(heap, a[0], out var where))
        {
            return PyRef.Null;
        }

        var n = ListType.Size(self);
        where = where < 0 ? Math.Max(0, where + n) : Math.Min(where, n);
        if (heap.Types.List.Resize(self, n + 1) < 0)
        {
            return PyRef.Null;
        }

        var items = ListType.Items(self);
        for (var i = n; i > where; i--)
        {
            items[i] = items[i - 1];
        }

        Heap.IncRef(a[1]);
        items[where] = a[1];
        return heap.None;
    }

    private static PyRef Pop(Heap heap, PyObject* self, MethodArgs a)
    {
        long i = -1;
        if (a[0] != null && !ArgumentConversions.TryIndex(heap, a[0], out i))
        {
            return PyRef.Null;
        }

        var n = ListType.Size(self);
        if (n == 0)
        {
            return heap.RaiseIndexError("pop from empty list");
        }

        if (i < 0)
        {
            i += n;
        }

        if (i < 0 || i >= n)
        {
            return heap.RaiseIndexError("pop index out of range");
        }

        return new PyRef(RemoveAt(heap, self, (nint)i));
    }

    /// <summary>Takes item <paramref name="i"/> out of the list: the list's reference passes to the caller.</summary>
    private static PyObject* RemoveAt(Heap heap, PyObject* self, nint i)
    {
        var items = ListType.Items(self);
        var n = ListType.Size(self);
        var item = items[i];
        for (var j = i; j < n - 1; j++)
        {
            items[j] = items[j + 1];
        }

        // Shrinking only fails when the allocator cannot shrink the buffer; the size is then set by hand.
        if (heap.Types.List.Resize(self, n - 1) < 0)
        {
            heap.ClearError();
            ((PyVarObject*)self)->Size = n - 1;
        }

        return item;
    }

    /// <summary>The position of the first item equal to <paramref name="value"/> in [start, stop), -1 when none, -2 on error.</summary>
    private static nint Find(Heap heap, PyObject* self, PyObject* value, long start, long stop)
    {
        // The list may change while items are compared: its size is read at every step.
        for (var i = (nint)start; i < stop && i < ListType.Size(self); i++)
        {
            var element = ListType.Items(self)[i];
            Heap.IncRef(element);
            var r = heap.CompareForSearch(element, value);
            Heap.DecRef(element);
            if (r != 0)
            {
                return r > 0 ? i : -2;
            }
        }

        return -1;
    }

    private static PyRef Remove(Heap heap, PyObject* self, MethodArgs a)
    {
        var i = Find(heap, self, a[0], 0, long.MaxValue);
        if (i < 0)
        {
            return i == -2 ? PyRef.Null : heap.RaiseValueError("list.remove(x): x not in list");
        }

        Heap.DecRef(RemoveAt(heap, self, i));
        return heap.None;
    }

    private static PyRef Index(Heap heap, PyObject* self, MethodArgs a)
    {
        var n = ListType.Size(self);
        if (!ArgumentConversions.TrySliceIndex(heap, a[1], n, 0, noneAllowed: false, out var start)
            || !ArgumentConversions.TrySliceIndex(heap, a[2], n, n, noneAllowed: false, out var stop))
        {
            return PyRef.Null;
        }

        var i = Find(heap, self, a[0], start, stop);
        if (i >= 0)
        {
            return heap.NewInt(i);
        }

        if (i == -2)
        {
            return PyRef.Null;
        }

        var repr = heap.Repr(a[0]);
        if (repr.IsNull)
        {
            return repr;
        }

        var text = Str.StrType.AsString(repr.Ptr);
        repr.DecRef();
        return heap.RaiseValueError($"{text} is not in list");
    }

    private static PyRef Count(Heap heap, PyObject* self, MethodArgs a)
    {
        long count = 0;
        for (nint i = 0; i < ListType.Size(self); i++)
        {
            var element = ListType.Items(self)[i];
            Heap.IncRef(element);
            var r = heap.CompareForSearch(element, a[0]);
            Heap.DecRef(element);
            if (r < 0)
            {
                return PyRef.Null;
            }

            count += r;
        }

        return heap.NewInt(count);
    }

    private static PyRef Reverse(Heap heap, PyObject* self)
    {
        new Span<nint>(ListType.Items(self), (int)ListType.Size(self)).Reverse();
        return heap.None;
    }

    private static PyRef Copy(Heap heap, PyObject* self)
    {
        var n = ListType.Size(self);
        var copy = heap.Types.List.New(n);
        if (copy.IsNull)
        {
            return copy;
        }

        for (nint i = 0; i < n; i++)
        {
            var item = ListType.Items(self)[i];
            Heap.IncRef(item);
            ListType.Items(copy.Ptr)[i] = item;
        }

        return copy;
    }

    private static PyRef Sort27(Heap heap, PyObject* self, MethodArgs a)
    {
        var reverse = false;
        if (a[2] != null)
        {
            if (!heap.TryAsLong(a[2], out var r))
            {
                return heap.RaiseTypeError("an integer is required");
            }

            reverse = r != 0;
        }

        return ListSort.Sort(heap, self, NoneToNull(heap, a[0]), NoneToNull(heap, a[1]), reverse);
    }

    private static PyRef Sort312(Heap heap, PyObject* self, MethodArgs a)
    {
        var reverse = false;
        if (a[1] != null)
        {
            var truth = heap.IsTrue(a[1]);
            if (truth < 0)
            {
                return PyRef.Null;
            }

            reverse = truth == 1;
        }

        return ListSort.Sort(heap, self, null, NoneToNull(heap, a[0]), reverse);
    }

    private static PyObject* NoneToNull(Heap heap, PyObject* o) => o == heap.NoneObject ? null : o;

    /// <summary>A new tuple of one borrowed item.</summary>
    internal static PyRef Single(Heap heap, PyObject* item)
    {
        var t = heap.Types.Tuple.New(1);
        if (!t.IsNull)
        {
            Heap.IncRef(item);
            TupleType.Items(t.Ptr)[0] = item;
        }

        return t;
    }
}
