using System.Runtime.InteropServices;
using Refheap.Objects.Native.Classic;
using Refheap.Objects.Native.Descriptor;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    private readonly HashSet<InstanceType> _liveClasses = [];

    /// <summary>The user classes alive now.</summary>
    public IReadOnlyCollection<InstanceType> LiveClasses => _liveClasses;

    // When each live class was made (type.__subclasses__ lists them in that order).
    private readonly Dictionary<InstanceType, long> _classBirths = [];
    private long _classesMade;

    /// <summary>A number that grows with each class made: the order <paramref name="c"/> (alive) was made in.</summary>
    public long ClassBirth(InstanceType c) => _classBirths[c];

    /// <summary>Sink for "Exception ignored in ..." reports (finalizers, weakref callbacks); stderr by default.</summary>
    public TextWriter UnraisableWriter { get; set; } = Console.Error;

    /// <summary>
    /// Creates a class (<c>type(name, bases, dict)</c>): a new reference to a tracked type
    /// object, or null with the error set. <paramref name="bases"/> are type objects
    /// (borrowed; empty means <c>(object,)</c>); <paramref name="dict"/> is copied.
    /// </summary>
    public PyRef NewClass(string name, ReadOnlySpan<PyRef> bases, PyObject* dict, string module, PyObject* initSubclassKeywords = null)
    {
        var baseTypes = new List<nint>();
        foreach (var b in bases)
        {
            if (b.Ptr->Type->Descriptor is not TypeType)
            {
                // _PyType_CalculateMetaclass: the base's type is not a type subclass.
                return RaiseTypeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
            }

            baseTypes.Add(b.Address);
        }

        if (baseTypes.Count == 0)
        {
            baseTypes.Add((nint)Types.Object.TypeObject);
        }

        var best = BestBase(baseTypes);
        if (best == null)
        {
            RaiseTypeError("multiple bases have instance lay-out conflict");
            return PyRef.Null;
        }

        var parent = best->Descriptor;
        var layout = ComputeLayout(name, parent, baseTypes, dict);
        if (layout == null)
        {
            return PyRef.Null;
        }

        var descriptor = new InstanceType(this, name, module, layout);
        var typeObj = AllocObject(Types.Type, (nuint)sizeof(PyTypeObject));
        if (typeObj == null)
        {
            return PyRef.Null;
        }

        var t = (PyTypeObject*)typeObj;
        t->DescriptorHandle = GCHandle.ToIntPtr(GCHandle.Alloc(descriptor));
        t->Flags = layout.IsGc ? TypeFlags.HaveGc | TypeFlags.HeapType : TypeFlags.HeapType;
        t->Flags |= descriptor.WeakListOffset != 0 ? TypeFlags.WeakReferenceWork : TypeFlags.None;
        t->Traverse = descriptor.TraverseFunction;
        InstallReferenceMap(t, layout);
        descriptor.TypeObject = t;
        _liveClasses.Add(descriptor);
        _classBirths[descriptor] = _classesMade++;
        var result = new PyRef(typeObj);

        // From here on the type object is complete enough to be freed by DecRef on failure.
        var nameObj = NewString(name);
        var basesObj = Types.Tuple.New(baseTypes.Count);
        var classDict = dict == null ? NewDict() : Types.Dict.Copy(dict);
        if (nameObj.IsNull || basesObj.IsNull || classDict.IsNull)
        {
            nameObj.XDecRef();
            basesObj.XDecRef();
            classDict.XDecRef();
            result.DecRef();
            return PyRef.Null;
        }

        t->Name = nameObj.Ptr;
        for (var i = 0; i < baseTypes.Count; i++)
        {
            IncRef((PyObject*)baseTypes[i]);
            TupleType.Items(basesObj.Ptr)[i] = (PyObject*)baseTypes[i];
        }

        t->Bases = basesObj.Ptr;
        t->Dict = classDict.Ptr;
        var mro = ComputeMro(t, baseTypes);
        if (mro.IsNull)
        {
            result.DecRef();
            return PyRef.Null;
        }

        t->Mro = mro.Ptr;
        if (TakeQualname(descriptor, classDict.Ptr) < 0)
        {
            result.DecRef();
            return PyRef.Null;
        }

        if (Types.Dict.GetItemString(classDict.Ptr, "__module__") == null)
        {
            var moduleName = NewString(module);
            if (moduleName.IsNull || Types.Dict.SetItemString(classDict.Ptr, "__module__", moduleName.Ptr) < 0)
            {
                moduleName.XDecRef();
                result.DecRef();
                return PyRef.Null;
            }

            moduleName.DecRef();
        }

        if (WrapImplicitMethods(classDict.Ptr) < 0 || AddClassDescriptors(t, layout, parent) < 0)
        {
            result.DecRef();
            return PyRef.Null;
        }

        SetHasDel(t, descriptor, LookupSpecial(t, "__del__"));
        descriptor.RefreshHooks();
        Gc.Track(typeObj);
        if (!Profile.IntPromotesToLong && (SetNames(t) < 0 || InitSubclass(t, initSubclassKeywords) < 0))
        {
            result.DecRef();
            return PyRef.Null;
        }

        return result;
    }

    /// <summary>
    /// 3.x: moves <c>__qualname__</c> out of a new class's dict into its descriptor, as
    /// type_new keeps it in the type rather than the dict (a str, or TypeError). 0 or -1.
    /// </summary>
    private int TakeQualname(InstanceType descriptor, PyObject* dict)
    {
        var qualname = Profile.Wording == ErrorWording.Cpython27 ? null : Types.Dict.GetItemString(dict, "__qualname__");
        if (qualname == null)
        {
            return 0;
        }

        if (!IsInstance(qualname, Types.Str))
        {
            _ = RaiseTypeError($"type __qualname__ must be a str, not {qualname->Type->Descriptor.Name}");
            return -1;
        }

        descriptor.Qualname = Native.Str.StrType.AsString(qualname);
        return Types.Dict.DelItem(dict, InternString("__qualname__").Ptr); // interned: borrowed
    }

    /// <summary>
    /// Puts into a new class's dict what type_new and PyType_Ready put there, in their order: a
    /// member descriptor per <c>__slots__</c> name, a <c>__dict__</c> and a <c>__weakref__</c>
    /// getset descriptor when this class adds those fields, then <c>__doc__</c> (None unless
    /// given) and 3.x's <c>__hash__ = None</c> after an <c>__eq__</c>. The descriptors own the class, so a class and its dict form a cycle, as in
    /// CPython. 0, or -1 with the error set.
    /// </summary>
    private int AddClassDescriptors(PyTypeObject* t, InstanceLayout layout, TypeDescriptor parent)
    {
        var dict = t->Dict;
        var parentLayout = (parent as InstanceType)?.Layout;

        var entries = new List<(string Name, AttributeDescriptorKind Kind, int Offset)>();
        foreach (var (name, offset) in layout.Slots)
        {
            if (parentLayout == null || !parentLayout.Slots.Contains((name, offset)))
            {
                entries.Add((name, AttributeDescriptorKind.Member, offset));
            }
        }

        if (layout.DictOffset != 0 && layout.DictOffset != (parentLayout?.DictOffset ?? layout.SolidBase.InstanceDictOffset))
        {
            entries.Add(("__dict__", AttributeDescriptorKind.GetSet, 0));
        }

        var weak = layout.WeakListOffset;
        if (weak != 0 && weak != (parentLayout?.WeakListOffset ?? layout.SolidBase.WeakListOffset))
        {
            entries.Add(("__weakref__", AttributeDescriptorKind.GetSet, 0));
        }

        foreach (var (name, kind, offset) in entries)
        {
            var descriptorType = kind == AttributeDescriptorKind.Member ? Types.MemberDescriptor : Types.GetSetDescriptor;
            var d = descriptorType.New((PyObject*)t, name, offset);
            if (d.IsNull)
            {
                return -1;
            }

            var status = Types.Dict.SetItemString(dict, name, d.Ptr);
            d.DecRef();
            if (status < 0)
            {
                return -1;
            }
        }

        if (Types.Dict.GetItemString(dict, "__doc__") == null && Types.Dict.SetItemString(dict, "__doc__", NoneObject) < 0)
        {
            return -1;
        }

        // 3.x's type_ready_set_hash: a class that defines __eq__ and not __hash__ gets
        // __hash__ = None in its own dict (so its instances are unhashable); 2.7 hashes them by id.
        return !Profile.IntPromotesToLong && Types.Dict.GetItemString(dict, "__eq__") != null && Types.Dict.GetItemString(dict, "__hash__") == null
            ? Types.Dict.SetItemString(dict, "__hash__", NoneObject)
            : 0;
    }

    private bool LookupSpecial(PyTypeObject* t, string name)
    {
        var n = InternString(name);
        return !n.IsNull && TypeType.Lookup(t, n.Ptr) != null;
    }

    /// <summary>Recomputes cached slot facts after a class attribute store (CPython's update_slot).</summary>
    public void OnClassAttributeChanged(PyTypeObject* t, PyObject* name)
    {
        InvalidateTypeAttributes(t);
        var del = StrType.EqualsText(name, "__del__");
        if (t->Descriptor is not InstanceType || !(del || InstanceType.IsHookName(name)))
        {
            return;
        }

        // update_slot reaches the subclasses too: they inherit (or lose) the finalizer and the
        // attribute methods.
        foreach (var c in _liveClasses)
        {
            var ct = c.TypeObject;
            if (ct->Mro != null && IsSubtype(ct, t))
            {
                if (del)
                {
                    SetHasDel(ct, c, LookupSpecial(ct, "__del__"));
                }
                else
                {
                    c.RefreshHooks();
                }
            }
        }
    }

    /// <summary>Whether type attribute lookups may be cached (the built-in types are complete).</summary>
    public bool TypeAttributeCacheReady { get; internal set; }

    /// <summary>
    /// Drops the attribute cache's answers for <paramref name="t"/> and every live class below
    /// it (type_modified): called after any change to <paramref name="t"/>'s dict.
    /// </summary>
    public void InvalidateTypeAttributes(PyTypeObject* t)
    {
        // A built-in type's change reaches the classes derived from it too.
        t->VersionTag = 0;
        foreach (var c in _liveClasses)
        {
            var ct = c.TypeObject;
            if (ct->VersionTag != 0 && ct->Mro != null && IsSubtype(ct, t))
            {
                ct->VersionTag = 0;
            }
        }
    }

    private static void SetHasDel(PyTypeObject* t, InstanceType descriptor, bool hasDel)
    {
        descriptor.HasDel = hasDel;
        t->Flags = hasDel ? t->Flags | TypeFlags.HasFinalizer : t->Flags & ~TypeFlags.HasFinalizer;
    }

    /// <summary>
    /// Writes the instance layout's reference map into the type object, so the collector can
    /// traverse instances from native data alone. The map is freed with the type object.
    /// </summary>
    private static void InstallReferenceMap(PyTypeObject* t, InstanceLayout layout)
    {
        var offsets = layout.ReferenceMap;
        t->RefOffsetCount = layout.ReferenceOffsets.Length;
        t->RefOffsets = offsets.Length == 0 ? null : (int*)NativeMemory.Alloc((nuint)(offsets.Length * sizeof(int)));
        offsets.CopyTo(new Span<int>(t->RefOffsets, offsets.Length));
        t->ValuesOffset = layout.ValuesOffset;
        // The solid base's traverse must be a static function of its own (list, dict, set,
        // exceptions): the dispatching default would come back to this class.
        var baseTraverse = layout.SolidBase.TraverseFunction;
        t->BaseTraverse = layout.SolidBase == layout.SolidBase.Heap.Types.Object ? null : baseTraverse;
    }

    /// <summary>Frees the reference map of a user class's type object.</summary>
    public static void FreeReferenceMap(PyTypeObject* t)
    {
        NativeMemory.Free(t->RefOffsets);
        t->RefOffsets = null;
        t->RefOffsetCount = 0;
    }

    /// <summary>
    /// Lays out a class's instances: the solid base's part, then dict, weaklist, 3.12's values
    /// pointer and the <c>__slots__</c> members, reusing what the parent already has.
    /// </summary>
    private InstanceLayout? ComputeLayout(string name, TypeDescriptor parent, List<nint> bases, PyObject* dict)
    {
        var parentLayout = (parent as InstanceType)?.Layout;
        var solidBase = parentLayout?.SolidBase ?? parent;
        if (parentLayout == null && solidBase.BaseInstanceSize == 0)
        {
            if (solidBase == Types.Bool || solidBase is Native.None.SingletonType || solidBase is NativeFunctionType)
            {
                // type(name, bases, dict)'s own text; 2.7's class statement adds "Error when calling
                // the metaclass bases" in front of any TypeError, which is the front end's to do.
                RaiseTypeError($"type '{solidBase.Name}' is not an acceptable base type");
                return null;
            }

            Raise(Types.Exceptions.NotImplementedError, $"Refheap does not support subclassing '{solidBase.Name}' yet (class {name})");
            return null;
        }

        var slotNames = ReadSlots(dict, name, out var wantsDict, out var wantsWeak, out var ok);
        if (!ok)
        {
            return null;
        }

        var size = parentLayout?.Size ?? solidBase.BaseInstanceSize;

        // A built-in base with a dict of its own (BaseException) lends it: the class adds none.
        var dictOffset = parentLayout?.DictOffset ?? solidBase.InstanceDictOffset;
        var weakOffset = parentLayout?.WeakListOffset ?? 0;
        var valuesOffset = parentLayout?.ValuesOffset ?? 0;
        var slots = new List<(string, int)>(parentLayout?.Slots ?? []);
        var hasSlots = slotNames != null;
        if (wantsDict && dictOffset != 0)
        {
            RaiseTypeError("__dict__ slot disallowed: we already got one");
            return null;
        }

        if (wantsWeak && (weakOffset != 0 || solidBase.WeakListOffset != 0))
        {
            RaiseTypeError(Profile.Wording == ErrorWording.Cpython27
                ? "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"
                : "__weakref__ slot disallowed: we already got one");
            return null;
        }

        if (dictOffset == 0 && (!hasSlots || wantsDict))
        {
            dictOffset = (int)size;
            size += 8;
            if (Profile.InlineInstanceValues && solidBase == Types.Object)
            {
                // 3.12: the dict word also holds the inline values' header (InstanceType). Only
                // object's instances start with inline values (object_new sets them up); a
                // subclass of list, dict or set makes a real dict on its first attribute.
                valuesOffset = dictOffset;
            }
        }

        if (weakOffset == 0 && solidBase.WeakListOffset == 0 && (!hasSlots || wantsWeak))
        {
            weakOffset = (int)size;
            size += 8;
        }

        var ownSlots = new List<int>();
        foreach (var s in slotNames ?? [])
        {
            slots.Add((s, (int)size));
            ownSlots.Add((int)size);
            size += 8;
        }

        int[] traverseOrder = [.. ownSlots, .. parentLayout?.SlotTraverseOrder ?? []];
        var holdsNothing = size == Types.Object.BaseInstanceSize && solidBase == Types.Object;
        return new InstanceLayout(parent, solidBase, size, dictOffset, weakOffset != 0 ? weakOffset : solidBase.WeakListOffset, valuesOffset, [.. slots], traverseOrder)
        {
            IsGc = !(holdsNothing && Profile.FieldlessInstancesUntracked),
        };
    }

    /// <summary>
    /// The class's <c>__slots__</c> names as type_new takes them: <c>__dict__</c> and
    /// <c>__weakref__</c> taken out, private names mangled with the class name, the rest
    /// sorted (the members, their offsets and the order a dying instance clears them follow it).
    /// </summary>
    private List<string>? ReadSlots(PyObject* dict, string className, out bool wantsDict, out bool wantsWeak, out bool ok)
    {
        wantsDict = false;
        wantsWeak = false;
        ok = true;
        var slots = dict == null ? null : Types.Dict.GetItemString(dict, "__slots__");
        if (slots == null)
        {
            return null;
        }

        var names = new List<string>();
        if (slots->Type->Descriptor == Types.Str)
        {
            names.Add(StrType.AsString(slots));
        }
        else if (slots->Type->Descriptor == Types.Tuple || slots->Type->Descriptor == Types.List)
        {
            var n = Length(slots);
            for (nint i = 0; i < n; i++)
            {
                var item = slots->Type->Descriptor == Types.Tuple ? TupleType.Item(slots, i) : Native.List.ListType.Items(slots)[i];
                if (item->Type->Descriptor != Types.Str)
                {
                    RaiseTypeError($"__slots__ items must be strings, not '{item->Type->Descriptor.Name}'");
                    ok = false;
                    return null;
                }

                names.Add(StrType.AsString(item));
            }
        }
        else
        {
            // CPython iterates any iterable; Refheap takes a str, tuple or list.
            var d = slots->Type->Descriptor;
            RaiseTypeError(d == Types.Dict || d == Types.Set || d == Types.FrozenSet
                ? $"__slots__ must be a str, tuple or list of str in Refheap, not '{d.Name}'"
                : $"'{d.Name}' object is not iterable");
            ok = false;
            return null;
        }

        wantsDict = names.Remove("__dict__");
        wantsWeak = names.Remove("__weakref__");
        var mangled = names.Select(n => MangledPrivateName(className, n)).ToList();
        mangled.Sort(StringComparer.Ordinal);
        return mangled;
    }

    /// <summary>
    /// _Py_Mangle: a private name <c>__x</c> (not ending in <c>__</c>, not dotted) of class
    /// <c>C</c> is <c>_C__x</c>, the class name's leading underscores dropped (none left: unchanged).
    /// </summary>
    internal static string MangledPrivateName(string className, string name)
    {
        if (!name.StartsWith("__", StringComparison.Ordinal) || name.EndsWith("__", StringComparison.Ordinal) || name.Contains('.', StringComparison.Ordinal))
        {
            return name;
        }

        var owner = className.TrimStart('_');
        return owner.Length == 0 ? name : "_" + owner + name;
    }

    /// <summary>The C3 linearization of a new class (CPython's mro_internal); a new tuple, or null with TypeError.</summary>
    private PyRef ComputeMro(PyTypeObject* type, List<nint> bases)
    {
        var duplicate = bases.FirstOrDefault(b => bases.Count(o => o == b) > 1);
        if (duplicate != 0)
        {
            return RaiseTypeError($"duplicate base class {((PyTypeObject*)duplicate)->Descriptor.Name}");
        }

        var sequences = new List<List<nint>>();
        foreach (var b in bases)
        {
            var mro = ((PyTypeObject*)b)->Mro;
            var seq = new List<nint>();
            for (nint i = 0; i < TupleType.Size(mro); i++)
            {
                seq.Add((nint)TupleType.Item(mro, i));
            }

            sequences.Add(seq);
        }

        sequences.Add([.. bases]);
        var result = new List<nint> { (nint)type };
        while (sequences.Any(s => s.Count > 0))
        {
            nint candidate = 0;
            foreach (var s in sequences)
            {
                if (s.Count == 0)
                {
                    continue;
                }

                var head = s[0];
                if (!sequences.Any(o => o.IndexOf(head) > 0))
                {
                    candidate = head;
                    break;
                }
            }

            if (candidate == 0)
            {
                // set_mro_error: the heads left over, in the order of the sequences they head.
                var heads = sequences.Where(s => s.Count > 0).Select(s => s[0]).Distinct()
                    .Select(h => ((PyTypeObject*)h)->Descriptor.Name);
                return RaiseTypeError($"Cannot create a consistent method resolution\norder (MRO) for bases {string.Join(", ", heads)}");
            }

            result.Add(candidate);
            foreach (var s in sequences)
            {
                if (s.Count > 0 && s[0] == candidate)
                {
                    s.RemoveAt(0);
                }
            }
        }

        var tuple = Types.Tuple.New(result.Count);
        if (tuple.IsNull)
        {
            return tuple;
        }

        for (var i = 0; i < result.Count; i++)
        {
            IncRef((PyObject*)result[i]);
            TupleType.Items(tuple.Ptr)[i] = (PyObject*)result[i];
        }

        return tuple;
    }

    /// <summary>Frees what live classes hold outside the heap (reference maps, descriptor handles) at teardown.</summary>
    private void ReleaseLiveClasses()
    {
        foreach (var c in _liveClasses)
        {
            var t = c.TypeObject;
            FreeReferenceMap(t);
            if (t->DescriptorHandle != 0)
            {
                GCHandle.FromIntPtr(t->DescriptorHandle).Free();
                t->DescriptorHandle = 0;
            }
        }

        _liveClasses.Clear();
        _classBirths.Clear();
    }

    /// <summary>Forgets a class whose type object was freed.</summary>
    public void OnClassFreed(TypeDescriptor descriptor)
    {
        if (descriptor is InstanceType it)
        {
            _liveClasses.Remove(it);
            _classBirths.Remove(it);
        }
    }

    /// <summary>Runs <c>__init__</c> on a new instance if its class defines one; 0 or -1.</summary>
    public int RunInit(PyObject* self, PyObject* args, PyObject* kwargs)
    {
        if (TupleType.Size(args) == 0 && (kwargs == null || Types.Dict.Count(kwargs) == 0) && InheritsObjectInit(self->Type))
        {
            // object.__init__ with no arguments does nothing (CPython's object_init returns at
            // once): skip the call through the generic method machinery.
            return 0;
        }

        if (!TryCallSpecialWithArgs(self, "__init__", args, kwargs, out var result))
        {
            // object.__init__ refuses arguments; BaseException.__init__ takes any (and __new__ stored them).
            var hasArgs = TupleType.Size(args) > 0 || (kwargs != null && Types.Dict.Count(kwargs) > 0);
            var baseTakesArgs = self->Type->Descriptor is InstanceType { Layout.SolidBase: Native.Exceptions.ExceptionType };
            if (hasArgs && !baseTakesArgs)
            {
                RaiseTypeError(Profile.IntPromotesToLong
                    ? "object() takes no parameters"
                    : $"{self->Type->Descriptor.Name}() takes no arguments");
                return -1;
            }

            return 0;
        }

        if (result.IsNull)
        {
            return -1;
        }

        var isNone = result.Ptr == NoneObject;
        result.DecRef();
        if (!isNone)
        {
            RaiseTypeError($"__init__() should return None, not '{result.Descriptor.Name}'");
            return -1;
        }

        return 0;
    }

    // "__new__" interned and object.__new__, found once (both live as long as the heap).
    private PyObject* _newName;
    private PyObject* _objectNew;

    /// <summary>The <c>__new__</c> <paramref name="type"/>'s MRO finds, borrowed; null when it is <c>object.__new__</c> (or none is found).</summary>
    public PyObject* LookupCustomNew(PyTypeObject* type)
    {
        if (_objectNew == null)
        {
            var name = InternString("__new__");
            var objectNew = name.IsNull ? null : TypeType.Lookup(Types.Object.TypeObject, name.Ptr);
            if (objectNew == null)
            {
                ClearError();
                return null;
            }

            _newName = name.Ptr;
            _objectNew = objectNew;
        }

        var found = type->Mro == null ? null : TypeType.Lookup(type, _newName);
        return found == _objectNew ? null : found;
    }

    // "__init__" interned (the intern table keeps it for the heap's life), and object.__init__
    // held by an owned reference so that its address cannot be reused while it is compared.
    private PyObject* _initName;
    private PyObject* _objectInit;

    /// <summary>Whether <paramref name="type"/>'s <c>__init__</c> is <c>object.__init__</c>.</summary>
    public bool InheritsObjectInit(PyTypeObject* type)
    {
        if (_objectInit == null)
        {
            var name = InternString("__init__");
            var init = name.IsNull ? null : TypeType.Lookup(Types.Object.TypeObject, name.Ptr);
            if (init == null)
            {
                ClearError();
                return false;
            }

            _initName = name.Ptr;
            _objectInit = init;
            IncRef(init);
        }

        return type->Mro != null && TypeType.Lookup(type, _initName) == _objectInit;
    }

    /// <summary>
    /// Calls the special method <paramref name="name"/> with <paramref name="args"/> (a tuple)
    /// when the object's class defines it; false when it does not.
    /// </summary>
    public bool TryCallSpecialWithArgs(PyObject* self, string name, PyObject* args, PyObject* kwargs, out PyRef result)
    {
        if (self->Type->Descriptor is ClassicInstanceType classic)
        {
            // A 2.7 classic instance finds special methods as any attribute, on itself.
            return classic.TryCallMethod(self, name, args, kwargs, out result);
        }

        result = PyRef.Null;
        var nameObj = InternString(name);
        var attr = nameObj.IsNull ? null : TypeType.Lookup(self->Type, nameObj.Ptr);
        if (attr == null)
        {
            return false;
        }

        if (attr->Type->Descriptor is NativeFunctionType natives && NativeFunctionType.IsUnboundMethod(attr))
        {
            // A built-in type's method (dict.__init__, object.__init__...): called directly, as CPython calls a C slot.
            result = natives.CallWithSelf(attr, self, args, kwargs);
            return true;
        }

        if (!Profile.IntPromotesToLong && attr->Type == Types.PythonFunction.TypeObject && (kwargs == null || Types.Dict.Count(kwargs) == 0))
        {
            // 3.x's slots call a Python function with the instance prepended to the arguments
            // (vectorcall_method, _PyObject_Call_Prepend): no bound method, no new tuple.
            var n = (int)Native.Tuple.TupleType.Size(args);
            var items = new PyRef[n + 1];
            items[0] = new PyRef(self);
            for (var i = 0; i < n; i++)
            {
                items[i + 1] = new PyRef(Native.Tuple.TupleType.Item(args, i));
            }

            result = CallVector(attr, items);
            return true;
        }

        var bound = attr->Type->Descriptor.DescriptorGet(attr, self, self->Type);
        if (bound.IsNull)
        {
            return true;
        }

        result = Call(bound.Ptr, args, kwargs);
        bound.DecRef();
        return true;
    }
}
