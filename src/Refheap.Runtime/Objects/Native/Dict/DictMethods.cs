using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// The methods of <c>dict</c>: get, setdefault, pop, popitem, keys, values, items (2.7: lists;
/// 3.x: views), update, clear, copy, fromkeys (a class method), <c>__contains__</c>,
/// <c>__getitem__</c>, <c>__init__</c> (what a dict subclass's constructor and
/// <c>super().__init__</c> reach), and 2.7's has_key, iterkeys, itervalues, iteritems,
/// viewkeys, viewvalues, viewitems. The slot
/// wrappers are <see cref="Methods.SlotWrappers"/>'.
/// </summary>
internal static unsafe class DictMethods
{
    /// <summary>The methods, for a heap's profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        var views = !py27;
        List<BuiltinMethod> methods =
        [
            new("get", ArgumentSpec.Expect(1, 2), Get),
            new("setdefault", ArgumentSpec.Expect(1, 2), SetDefault),
            new("pop", ArgumentSpec.Expect(1, 2), Pop),
            new("popitem", ArgumentSpec.NoArgs, static (h, self, _) => PopItem(h, self)),
            new("keys", ArgumentSpec.NoArgs, views ? static (h, self, _) => h.Types.Iterators.KeysView.New(self) : static (h, self, _) => ListOf(h, self, DictIterationKindKeys)),
            new("values", ArgumentSpec.NoArgs, views ? static (h, self, _) => h.Types.Iterators.ValuesView.New(self) : static (h, self, _) => ListOf(h, self, DictIterationKindValues)),
            new("items", ArgumentSpec.NoArgs, views ? static (h, self, _) => h.Types.Iterators.ItemsView.New(self) : static (h, self, _) => ListOf(h, self, DictIterationKindItems)),
            new("update", ArgumentSpec.Expect(0, 1, anyKeywords: true), Update),
            new("clear", ArgumentSpec.NoArgs, static (h, self, _) =>
            {
                h.Types.Dict.ClearContents(self);
                return h.None;
            }),
            new("copy", ArgumentSpec.NoArgs, static (h, self, _) => h.Types.Dict.Copy(self)),
            new("fromkeys", ArgumentSpec.Expect(1, 2), FromKeys, MethodBinding.Class),
            new("__contains__", ArgumentSpec.One, static (h, self, a) => Truth(h, h.Types.Dict.Contains(self, a[0]))),
            new("__getitem__", ArgumentSpec.One, GetItem),
            new("__init__", ArgumentSpec.Expect(0, 1, anyKeywords: true).Named("dict"), Update),
        ];
        if (py27)
        {
            methods.Add(new("has_key", ArgumentSpec.One, static (h, self, a) => Truth(h, h.Types.Dict.Contains(self, a[0]))));
            methods.Add(new("iterkeys", ArgumentSpec.NoArgs, static (h, self, _) => h.Types.Iterators.DictKeys.New(self)));
            methods.Add(new("itervalues", ArgumentSpec.NoArgs, static (h, self, _) => h.Types.Iterators.DictValues.New(self)));
            methods.Add(new("iteritems", ArgumentSpec.NoArgs, static (h, self, _) => h.Types.Iterators.DictItems.New(self)));

            // 2.7's views are 3.x's (dict_keys, dict_values, dict_items) under other names.
            methods.Add(new("viewkeys", ArgumentSpec.NoArgs, static (h, self, _) => h.Types.Iterators.KeysView.New(self)));
            methods.Add(new("viewvalues", ArgumentSpec.NoArgs, static (h, self, _) => h.Types.Iterators.ValuesView.New(self)));
            methods.Add(new("viewitems", ArgumentSpec.NoArgs, static (h, self, _) => h.Types.Iterators.ItemsView.New(self)));
        }

        return methods;
    }

    private const int DictIterationKindKeys = 0;
    private const int DictIterationKindValues = 1;
    private const int DictIterationKindItems = 2;

    private static PyRef Truth(Heap heap, int r) => r < 0 ? PyRef.Null : heap.NewBool(r == 1);

    private static PyRef Get(Heap heap, PyObject* self, MethodArgs a)
    {
        var value = heap.Types.Dict.GetItem(self, a[0]);
        if (value != null)
        {
            return new PyRef(value).NewRef();
        }

        return heap.ErrorOccurred ? PyRef.Null : new PyRef((a[1] != null ? a[1] : heap.NoneObject)).NewRef();
    }

    /// <summary><c>d[key]</c>; a missing key of a dict subclass goes to the class's <c>__missing__</c> (dict_subscript).</summary>
    private static PyRef GetItem(Heap heap, PyObject* self, MethodArgs a)
    {
        var value = heap.Types.Dict.GetItem(self, a[0]);
        if (value != null)
        {
            return new PyRef(value).NewRef();
        }

        if (heap.ErrorOccurred)
        {
            return PyRef.Null;
        }

        if (self->Type != heap.Types.Dict.TypeObject)
        {
            var args = heap.NewTuple(new PyRef(a[0]));
            if (args.IsNull)
            {
                return args;
            }

            var found = heap.TryCallSpecialWithArgs(self, "__missing__", args.Ptr, null, out var result);
            args.DecRef();
            if (found)
            {
                return result;
            }
        }

        return heap.RaiseKeyError(new PyRef(a[0]));
    }

    private static PyRef SetDefault(Heap heap, PyObject* self, MethodArgs a)
    {
        var dicts = heap.Types.Dict;
        var value = dicts.GetItem(self, a[0]);
        if (value != null)
        {
            return new PyRef(value).NewRef();
        }

        if (heap.ErrorOccurred)
        {
            return PyRef.Null;
        }

        var fallback = (a[1] != null ? a[1] : heap.NoneObject);
        return dicts.SetItem(self, a[0], fallback) < 0 ? PyRef.Null : new PyRef(fallback).NewRef();
    }

    private static PyRef Pop(Heap heap, PyObject* self, MethodArgs a)
    {
        var dicts = heap.Types.Dict;
        var value = dicts.GetItem(self, a[0]);
        if (value == null)
        {
            if (heap.ErrorOccurred)
            {
                return PyRef.Null;
            }

            return a[1] != null ? new PyRef(a[1]).NewRef() : heap.RaiseKeyError(new PyRef(a[0]));
        }

        // The value is the caller's now: hold it across the deletion, which drops the dict's reference.
        Heap.IncRef(value);
        if (dicts.DelItem(self, a[0]) < 0)
        {
            Heap.DecRef(value);
            return PyRef.Null;
        }

        return new PyRef(value);
    }

    /// <summary>
    /// <c>d.popitem()</c>: 3.x takes the last item inserted; 2.7 the item at its search finger
    /// (<see cref="DictType.ClassicPopItem"/>).
    /// </summary>
    private static PyRef PopItem(Heap heap, PyObject* self)
    {
        var dicts = heap.Types.Dict;
        if (dicts.Count(self) == 0)
        {
            var message = heap.NewString("popitem(): dictionary is empty");
            if (message.IsNull)
            {
                return message;
            }

            heap.RaiseKeyError(message);
            message.DecRef();
            return PyRef.Null;
        }

        if (!heap.Profile.InsertionOrderedDicts)
        {
            // The item is made first (as 2.7 does), so a failure leaves the dict whole.
            var pair = heap.Types.Tuple.New(2);
            if (pair.IsNull)
            {
                return pair;
            }

            dicts.ClassicPopItem(self, out var k, out var v);
            TupleType.Items(pair.Ptr)[0] = k;
            TupleType.Items(pair.Ptr)[1] = v;
            return pair;
        }

        nint pos = 0;
        PyObject* key = null;
        PyObject* value = null;
        while (dicts.Next(self, ref pos, out var k2, out var v2))
        {
            key = k2;
            value = v2;
        }

        var item = heap.NewTuple(new PyRef(key), new PyRef(value));
        if (item.IsNull || dicts.DelItem(self, key) < 0)
        {
            item.XDecRef();
            return PyRef.Null;
        }

        return item;
    }

    /// <summary>2.7's <c>keys()</c>, <c>values()</c>, <c>items()</c>: a new list in the dict's order.</summary>
    private static PyRef ListOf(Heap heap, PyObject* self, int kind)
    {
        var dicts = heap.Types.Dict;
        var n = dicts.Count(self);
        var list = heap.Types.List.New(n);
        if (list.IsNull)
        {
            return list;
        }

        nint pos = 0;
        nint i = 0;
        while (i < n && dicts.Next(self, ref pos, out var key, out var value))
        {
            PyObject* item;
            if (kind == DictIterationKindItems)
            {
                var pair = heap.NewTuple(new PyRef(key), new PyRef(value));
                if (pair.IsNull)
                {
                    ((PyVarObject*)list.Ptr)->Size = i;
                    list.DecRef();
                    return PyRef.Null;
                }

                item = pair.Ptr;
            }
            else
            {
                item = kind == DictIterationKindKeys ? key : value;
                Heap.IncRef(item);
            }

            ListType.Items(list.Ptr)[i++] = item;
        }

        return list;
    }

    private static PyRef Update(Heap heap, PyObject* self, MethodArgs a)
    {
        if (a[0] != null && UpdateFrom(heap, self, a[0]) < 0)
        {
            return PyRef.Null;
        }

        if (a.Kwargs != null && heap.Types.Dict.Count(a.Kwargs) > 0 && heap.Types.Dict.Merge(self, a.Kwargs) < 0)
        {
            return PyRef.Null;
        }

        return heap.None;
    }

    /// <summary>
    /// <c>d.update(other)</c> (dict_update_arg): a dict is merged; an object with <c>keys()</c> is
    /// read as a mapping; anything else must iterate pairs. 0, or -1 with the error set.
    /// </summary>
    public static int UpdateFrom(Heap heap, PyObject* self, PyObject* other)
    {
        var dicts = heap.Types.Dict;
        if (dicts.IsDict(other))
        {
            // 2.7's dict_update_common asks hasattr(other, 'keys') first: a bound built-in method made and dropped.
            return heap.Types.NativeFunction.ModelBoundMethod() ? dicts.Merge(self, other) : -1;
        }

        // dict_update_arg only asks whether there is a keys attribute: the bound method it reads is
        // dropped before the merge calls keys() again.
        var keys = heap.GetAttr(other, "keys");
        if (!keys.IsNull)
        {
            keys.DecRef();
            return MergeFromMapping(heap, self, other);
        }

        if (!heap.ErrorMatches(heap.Types.Exceptions.AttributeError))
        {
            return -1;
        }

        heap.ClearError();
        return UpdateFromPairs(heap, self, other);
    }

    /// <summary>
    /// PyDict_Update (dict_merge with override): <paramref name="other"/> a dict, or any mapping
    /// (<see cref="MergeFromMapping"/>); 0, or -1 with the error set.
    /// </summary>
    public static int MergeAny(Heap heap, PyObject* self, PyObject* other) =>
        heap.Types.Dict.IsDict(other) ? heap.Types.Dict.Merge(self, other) : MergeFromMapping(heap, self, other);

    /// <summary>PyDict_Keys: a new list of the dict's keys in its order, or null with the error set.</summary>
    public static PyRef KeysList(Heap heap, PyObject* dict) => ListOf(heap, dict, DictIterationKindKeys);

    /// <summary>
    /// dict_merge's generic way: the keys from PyMapping_Keys, iterated with the keys object
    /// dropped at once (the iterator holds it), each value read with <c>mapping[key]</c>.
    /// </summary>
    private static int MergeFromMapping(Heap heap, PyObject* self, PyObject* mapping)
    {
        var keys = MappingKeys(heap, mapping);
        if (keys.IsNull)
        {
            return -1;
        }

        var it = heap.GetIter(keys.Ptr);
        keys.DecRef();
        if (it.IsNull)
        {
            return -1;
        }

        while (true)
        {
            var key = heap.IterNext(it.Ptr);
            if (key.IsNull)
            {
                break;
            }

            var value = heap.GetItem(mapping, key.Ptr);
            var r = value.IsNull ? -1 : heap.Types.Dict.SetItem(self, key.Ptr, value.Ptr);
            value.DecRef();
            key.DecRef();
            if (r < 0)
            {
                it.DecRef();
                return -1;
            }
        }

        it.DecRef();
        return heap.ErrorOccurred ? -1 : 0;
    }

    /// <summary>
    /// PyMapping_Keys of a mapping that is not an exact dict: a new reference or null. 2.7 returns
    /// what <c>keys()</c> returns (PyObject_CallMethod: a bound method made, called and dropped);
    /// 3.12 calls it as a method (no bound method when the class has it) and makes a list of
    /// anything that is not one (method_output_as_list: its iterator, then the list).
    /// </summary>
    private static PyRef MappingKeys(Heap heap, PyObject* mapping)
    {
        if (heap.Profile.Wording == ErrorWording.Cpython27)
        {
            return CallKeysAttribute(heap, mapping);
        }

        var name = heap.InternString("keys");
        if (name.IsNull)
        {
            return name;
        }

        var shadowed = mapping->Type->Descriptor is InstanceType instances && instances.HasOwnAttribute(mapping, name.Ptr);
        if (shadowed || !heap.TryCallSpecial(mapping, "keys", out var output))
        {
            output = CallKeysAttribute(heap, mapping);
        }

        if (output.IsNull || output.Ptr->Type == heap.Types.List.TypeObject)
        {
            return output;
        }

        var it = heap.GetIter(output.Ptr);
        if (it.IsNull)
        {
            if (heap.ErrorMatches(heap.Types.Exceptions.TypeError))
            {
                heap.ClearError();
                heap.RaiseTypeError($"{mapping->Type->Descriptor.Name}.keys() returned a non-iterable (type {output.Ptr->Type->Descriptor.Name})");
            }

            output.DecRef();
            return PyRef.Null;
        }

        output.DecRef();
        var list = heap.ListFromIterable(it.Ptr);
        it.DecRef();
        return list;
    }

    private static PyRef CallKeysAttribute(Heap heap, PyObject* mapping)
    {
        var method = heap.GetAttr(mapping, "keys");
        if (method.IsNull)
        {
            return method;
        }

        var result = heap.Call(method.Ptr, heap.Types.Tuple.Empty, null);
        method.DecRef();
        return result;
    }

    /// <summary>PyDict_MergeFromSeq2: each item must be a sequence of two, CPython's errors otherwise.</summary>
    private static int UpdateFromPairs(Heap heap, PyObject* self, PyObject* pairs)
    {
        nint index = 0;
        return heap.ForEach(pairs, item =>
        {
            var pair = heap.TupleFromIterable((PyObject*)item);
            if (pair.IsNull)
            {
                if (heap.ErrorMatches(heap.Types.Exceptions.TypeError))
                {
                    heap.RaiseTypeError($"cannot convert dictionary update sequence element #{index} to a sequence");
                }

                return -1;
            }

            var n = TupleType.Size(pair.Ptr);
            var r = n == 2
                ? heap.Types.Dict.SetItem(self, TupleType.Item(pair.Ptr, 0), TupleType.Item(pair.Ptr, 1))
                : Fail(heap.RaiseValueError($"dictionary update sequence element #{index} has length {n}; 2 is required"));
            pair.DecRef();
            index++;
            return r;
        });
    }

    private static int Fail(PyRef _) => -1;

    /// <summary><c>cls.fromkeys(iterable, value=None)</c>: a dict (or an instance of the dict subclass <c>cls</c>) mapping each item to value.</summary>
    private static PyRef FromKeys(Heap heap, PyObject* cls, MethodArgs a)
    {
        var value = (a[1] != null ? a[1] : heap.NoneObject);
        var d = cls == (PyObject*)heap.Types.Dict.TypeObject ? heap.NewDict() : heap.Call(cls, heap.Types.Tuple.Empty, null);
        if (d.IsNull)
        {
            return d;
        }

        var status = heap.ForEach(a[0], key => heap.SetItem(d.Ptr, (PyObject*)key, value));
        if (status < 0)
        {
            d.DecRef();
            return PyRef.Null;
        }

        return d;
    }
}
