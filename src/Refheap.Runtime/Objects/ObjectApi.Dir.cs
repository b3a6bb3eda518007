using Refheap.Objects.Native.Classic;
using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/// <summary>The facade's part for <c>dir(o)</c>: through a <c>__dir__</c> method, or CPython's default listing.</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// <c>dir(o)</c> when <paramref name="o"/> (borrowed) has a <c>__dir__</c>: its class's,
    /// looked up on the type and bound (_PyObject_LookupSpecial), or a 2.7 classic instance's
    /// attribute. False when there is none (the caller lists the attributes itself); otherwise
    /// <paramref name="result"/> is a new reference to the sorted list, or null with the error
    /// set. 2.7 requires a list and sorts that very list (PyObject_Dir); 3.12 sorts a new list of
    /// whatever the method returns.
    /// </summary>
    public bool TryDirFromSpecial(PyRef o, out PyRef result)
    {
        result = PyRef.Null;
        PyRef names;
        if (o.Descriptor is ClassicInstanceType)
        {
            if (!TryCallClassicMethod(o, "__dir__", [], out names))
            {
                return false;
            }
        }
        else if (Heap.Profile.Wording != ErrorWording.Cpython27)
        {
            // object's, type's and module's own __dir__ list what DefaultDir lists (their
            // bound method is made and dropped around the call, leaving the counts as they were).
            var name = Heap.InternString("__dir__");
            if (name.IsNull)
            {
                return true;
            }

            var type = o.Ptr->Type;
            var attr = type->Mro == null ? null : TypeType.Lookup(type, name.Ptr);
            if (attr == null || DirMethods.IsBuiltinDir(Heap, attr, name.Ptr))
            {
                return false;
            }

            // 3.12 calls a Python __dir__ with the object first (its bound method is made and
            // dropped around the call, which leaves the counts as they were).
            if (!Heap.TryCallSpecial(o.Ptr, "__dir__", out names))
            {
                return false;
            }
        }
        else
        {
            var name = Heap.InternString("__dir__");
            if (name.IsNull)
            {
                return true;
            }

            var type = o.Ptr->Type;
            var attr = type->Mro == null ? null : TypeType.Lookup(type, name.Ptr);
            if (attr == null)
            {
                return false;
            }

            var method = attr->Type->Descriptor.DescriptorGet(attr, o.Ptr, type);
            if (method.IsNull)
            {
                return true;
            }

            names = Heap.Call(method.Ptr, Heap.Types.Tuple.Empty, null);
            method.DecRef();
        }

        if (names.IsNull)
        {
            return true;
        }

        PyRef list;
        if (Heap.Profile.Wording == ErrorWording.Cpython27)
        {
            if (!Heap.IsInstance(names.Ptr, Heap.Types.List))
            {
                Heap.RaiseTypeError($"__dir__() must return a list, not {names.Ptr->Type->Descriptor.Name}");
                names.DecRef();
                return true;
            }

            list = names;
        }
        else
        {
            list = Heap.ListFromIterable(names.Ptr);
            names.DecRef();
            if (list.IsNull)
            {
                return true;
            }
        }

        result = SortedInPlace(list);
        return true;
    }

    /// <summary>Sorts <paramref name="list"/> (stolen) in place: the list back, or null with the error set (the list dropped).</summary>
    private PyRef SortedInPlace(PyRef list)
    {
        var sorted = ListSort.Sort(Heap, list.Ptr, null, null, reverse: false);
        if (sorted.IsNull)
        {
            list.DecRef();
            return sorted;
        }

        sorted.DecRef();
        return list;
    }

    /// <summary>
    /// <c>dir(o)</c> without a <c>__dir__</c> of its class (classic classes and instances
    /// aside), made as CPython makes it, <paramref name="o"/> borrowed: a new reference to the
    /// sorted list, or null with the error set. A module lists its dict's keys (3.12: a
    /// <c>__dir__</c> in that dict is called instead); a class merges its own and its bases'
    /// <c>__dict__</c>s, recursively (merge_class_dict: each proxy merged through its
    /// <c>keys()</c>); anything else copies its <c>__dict__</c> (2.7 adds the names listed by
    /// <c>__members__</c> and <c>__methods__</c>) and merges its <c>__class__</c>. 2.7 sorts
    /// that keys list; 3.12 sorts a new list of it (object.__dir__'s result read by
    /// PySequence_List).
    /// </summary>
    public PyRef DefaultDir(PyRef o)
    {
        var keys = o.Ptr->Type == Heap.Types.Module.TypeObject ? ModuleDirKeys(o.Ptr)
            : IsType(o) ? TypeDirKeys(o.Ptr)
            : ObjectDirKeys(o.Ptr);
        if (keys.IsNull)
        {
            return keys;
        }

        PyRef list;
        if (Heap.Profile.Wording == ErrorWording.Cpython27)
        {
            list = keys;
        }
        else
        {
            list = Heap.ListFromIterable(keys.Ptr);
            keys.DecRef();
            if (list.IsNull)
            {
                return list;
            }
        }

        return SortedInPlace(list);
    }

    /// <summary>3.12's <c>object.__dir__(o)</c>: a new reference to the unsorted list of names <c>dir</c> sorts, or null with the error set.</summary>
    public PyRef ObjectDirNames(PyRef o) => ObjectDirKeys(o.Ptr);

    /// <summary>3.12's <c>type.__dir__(C)</c>: a new reference to the unsorted list of the class's and its bases' names, or null with the error set.</summary>
    public PyRef TypeDirNames(PyRef type) => TypeDirKeys(type.Ptr);

    /// <summary>3.12's <c>module.__dir__(m)</c>: a new reference to its dict's keys (or what a <c>__dir__</c> in that dict returns), or null with the error set.</summary>
    public PyRef ModuleDirNames(PyRef module) => ModuleDirKeys(module.Ptr);

    private PyRef ModuleDirKeys(PyObject* module)
    {
        var dict = Heap.GetAttr(module, "__dict__");
        if (dict.IsNull)
        {
            return dict;
        }

        PyRef keys;
        if (!Heap.Types.Dict.IsDict(dict.Ptr))
        {
            keys = Heap.RaiseTypeError($"{ModuleNameOf(module)}.__dict__ is not a dictionary");
        }
        else if (Heap.Profile.Wording != ErrorWording.Cpython27 && DictGetString(dict, "__dir__") is { IsNull: false } dirFunction)
        {
            // 3.12's module.__dir__: a module-level __dir__ function answers instead (PEP 562).
            keys = Heap.Call(dirFunction.Ptr, Heap.Types.Tuple.Empty, null);
        }
        else
        {
            keys = DictMethods.KeysList(Heap, dict.Ptr);
        }

        dict.DecRef();
        return keys;
    }

    private string ModuleNameOf(PyObject* module)
    {
        var dict = Heap.GetAttr(module, "__dict__");
        if (dict.IsNull)
        {
            Heap.ClearError();
            return "?";
        }

        var name = Heap.Types.Dict.IsDict(dict.Ptr) ? DictGetString(dict, "__name__") : PyRef.Null;
        var text = !name.IsNull && Heap.IsInstance(name.Ptr, Heap.Types.Str) ? StrType.AsString(name.Ptr) : "?";
        dict.DecRef();
        return text;
    }

    private PyRef TypeDirKeys(PyObject* type)
    {
        var dict = Heap.NewDict();
        if (dict.IsNull)
        {
            return dict;
        }

        var keys = MergeClassDict(dict.Ptr, type) < 0 ? PyRef.Null : DictMethods.KeysList(Heap, dict.Ptr);
        dict.DecRef();
        return keys;
    }

    private PyRef ObjectDirKeys(PyObject* o)
    {
        var py27 = Heap.Profile.Wording == ErrorWording.Cpython27;
        var own = GetAttrOrNull(o, "__dict__");
        if (own.IsNull && Heap.ErrorOccurred)
        {
            return own;
        }

        // A copy of __dict__, so that merging never changes it; a new dict without one.
        var dict = own.IsNull || !Heap.Types.Dict.IsDict(own.Ptr) ? Heap.NewDict() : Heap.Types.Dict.Copy(own.Ptr);
        own.XDecRef();
        if (dict.IsNull)
        {
            return dict;
        }

        if (py27 && (MergeListAttribute(dict.Ptr, o, "__members__") < 0 || MergeListAttribute(dict.Ptr, o, "__methods__") < 0))
        {
            dict.DecRef();
            return PyRef.Null;
        }

        var cls = GetAttrOrNull(o, "__class__");
        var status = cls.IsNull ? (Heap.ErrorOccurred ? -1 : 0) : MergeClassDict(dict.Ptr, cls.Ptr);
        cls.XDecRef();
        var keys = status < 0 ? PyRef.Null : DictMethods.KeysList(Heap, dict.Ptr);
        dict.DecRef();
        return keys;
    }

    /// <summary>2.7's merge_list_attr: each str of a list attribute becomes a key (value None).</summary>
    private int MergeListAttribute(PyObject* dict, PyObject* o, string name)
    {
        var list = GetAttrOrNull(o, name);
        if (list.IsNull)
        {
            return Heap.ErrorOccurred ? -1 : 0;
        }

        var status = 0;
        if (Heap.IsInstance(list.Ptr, Heap.Types.List))
        {
            for (nint i = 0; i < ListType.Size(list.Ptr) && status == 0; i++)
            {
                var item = ListType.Items(list.Ptr)[i];
                if (Heap.IsInstance(item, Heap.Types.Str))
                {
                    status = Heap.Types.Dict.SetItem(dict, item, Heap.NoneObject);
                }
            }
        }

        list.DecRef();
        return status;
    }

    /// <summary>merge_class_dict: the class's <c>__dict__</c> merged into <paramref name="dict"/>, then each of its <c>__bases__</c>' in turn.</summary>
    private int MergeClassDict(PyObject* dict, PyObject* cls)
    {
        var classDict = GetAttrOrNull(cls, "__dict__");
        if (!classDict.IsNull)
        {
            var merged = DictMethods.MergeAny(Heap, dict, classDict.Ptr);
            classDict.DecRef();
            if (merged < 0)
            {
                return -1;
            }
        }
        else if (Heap.ErrorOccurred)
        {
            return -1;
        }

        var bases = GetAttrOrNull(cls, "__bases__");
        if (bases.IsNull)
        {
            return Heap.ErrorOccurred ? -1 : 0;
        }

        var status = 0;
        var n = Heap.Length(bases.Ptr);
        if (n < 0)
        {
            // CPython ignores bases whose size cannot be read.
            Heap.ClearError();
        }

        for (nint i = 0; i < n && status == 0; i++)
        {
            var baseClass = ItemOf(bases.Ptr, i);
            status = baseClass.IsNull ? -1 : MergeClassDict(dict, baseClass.Ptr);
            baseClass.XDecRef();
        }

        bases.DecRef();
        return status;
    }

    /// <summary>PySequence_GetItem: a new reference, or null with the error set.</summary>
    private PyRef ItemOf(PyObject* sequence, nint i)
    {
        if (sequence->Type == Heap.Types.Tuple.TypeObject)
        {
            return new PyRef(TupleType.Item(sequence, i)).NewRef();
        }

        var index = Heap.NewInt(i);
        var item = index.IsNull ? index : Heap.GetItem(sequence, index.Ptr);
        index.XDecRef();
        return item;
    }

    /// <summary>
    /// An attribute, or null: with no error when it is missing (2.7 clears any error there, as
    /// PyErr_Clear does after PyObject_GetAttrString; 3.12 only an AttributeError, as
    /// _PyObject_LookupAttr).
    /// </summary>
    private PyRef GetAttrOrNull(PyObject* o, string name)
    {
        var interned = Heap.InternString(name);
        if (interned.IsNull)
        {
            return interned;
        }

        if (Heap.Profile.Wording != ErrorWording.Cpython27)
        {
            Heap.LookupAttr(o, interned.Ptr, out var found);
            return found;
        }

        var value = Heap.GetAttr(o, interned.Ptr);
        if (value.IsNull)
        {
            Heap.ClearError();
        }

        return value;
    }
}
