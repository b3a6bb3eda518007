using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Instance;

/// <summary>
/// The instances of one user class (CPython's subtype_* slots): attribute storage, slots,
/// finalizer, weak-reference slot, and a live-instance counter.
/// </summary>
/// <remarks>
/// Layout: the solid base's part (<see cref="TypeDescriptor.BaseInstanceSize"/>), then the
/// fields this class hierarchy adds, each an owned reference or null:
/// <code>
///  [solid base part][dict][weaklist][values (3.12 only)][slot 0][slot 1]...
/// </code>
/// 2.7 keeps attributes in a separate <c>__dict__</c> object made on the first store. 3.12
/// keeps them in a values buffer indexed by the class's shared keys and makes a dict object
/// only when <c>__dict__</c> is asked for (or when the shared keys are full), after which the
/// instance uses that dict. A values buffer is
/// <code>
///  [capacity][value 0]...[value capacity-1][order length][order 0]...[order capacity-1]
/// </code>
/// where the order lists the indexes of the values set, oldest first, as 3.12's values keep
/// each instance's insertion order (so <c>__dict__</c> shows it); the collector reads only
/// the capacity and the values.
/// </remarks>
internal sealed unsafe class InstanceType : TypeDescriptor
{
    /// <summary>At most this many shared keys per class (CPython's SHARED_KEYS_MAX_SIZE).</summary>
    private const int SharedKeysMax = 30;

    private readonly List<nint> _sharedKeys = [];
    private readonly bool _legacyFinalizers;
    private readonly string _module;

    /// <summary>Creates the descriptor of a class's instances with the given layout.</summary>
    public InstanceType(Heap heap, string name, string module, InstanceLayout layout)
        : base(heap, name)
    {
        _module = module;
        Layout = layout;
        BaseType = layout.Parent;
        _legacyFinalizers = heap.Profile.LegacyFinalizers;
    }

    /// <summary>The instance layout.</summary>
    public InstanceLayout Layout { get; }

    /// <summary>Whether the class or a base defines <c>__del__</c> (kept current by class attribute stores).</summary>
    public bool HasDel { get; internal set; }

    /// <summary>Instances of this class alive now (not counting subclasses).</summary>
    public long LiveInstances { get; private set; }

    /// <inheritdoc/>
    public override bool IsGc => Layout.IsGc;

    /// <inheritdoc/>
    public override bool IsHeapType => true;

    /// <inheritdoc/>
    public override int WeakListOffset => Layout.WeakListOffset;

    /// <inheritdoc/>
    public override nuint BaseInstanceSize => Layout.Size;

    /// <inheritdoc/>
    public override string QualifiedName => _module == "builtins" || _module == "__builtin__" ? Name : $"{_module}.{Name}";

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => Layout.Size;

    private PyObject** DictSlot(PyObject* o) => (PyObject**)((byte*)o + Layout.DictOffset);

    private nint* ValuesSlot(PyObject* o) => (nint*)((byte*)o + Layout.ValuesOffset);

    private PyObject** SlotAt(PyObject* o, int offset) => (PyObject**)((byte*)o + offset);

    /// <summary>Makes an instance and runs <c>__init__</c> with the call's arguments.</summary>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        var self = Allocate();
        if (self.IsNull)
        {
            return self;
        }

        if (Layout.SolidBase is ExceptionType)
        {
            ExceptionType.InitializeArgs(self.Ptr, args);
        }

        if (Heap.RunInit(self.Ptr, args, kwargs) < 0)
        {
            self.DecRef();
            return PyRef.Null;
        }

        return self;
    }

    /// <summary>A new, tracked instance with no attributes.</summary>
    public PyRef Allocate()
    {
        var o = Heap.AllocObject(this, Layout.Size);
        if (o == null)
        {
            return PyRef.Null;
        }

        LiveInstances++;
        if (Layout.IsGc)
        {
            Heap.Gc.Track(o);
        }

        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        if (Layout.IsGc)
        {
            Heap.Gc.Untrack(self);
        }

        var weakList = Layout.WeakListOffset == 0 ? null : (PyObject**)((byte*)self + Layout.WeakListOffset);
        if (_legacyFinalizers && weakList != null && *weakList != null)
        {
            // 2.7's subtype_dealloc clears weak references before __del__ runs.
            Heap.ClearWeakList(self, weakList);
        }

        if (Heap.HasFinalizer(self->Type) && Heap.RunFinalizerFromDealloc(self))
        {
            return;
        }

        if (!_legacyFinalizers && weakList != null && *weakList != null)
        {
            Heap.ClearWeakList(self, weakList);
        }

        ReleaseContents(self);
        LiveInstances--;
        var type = self->Type;
        Heap.FreeObject(self, this, Layout.Size);
        Heap.DecRef((PyObject*)type);
    }

    /// <inheritdoc/>
    public override void ReleaseContents(PyObject* self)
    {
        foreach (var offset in Layout.SlotOffsets)
        {
            Heap.ClearRef(ref *SlotAt(self, offset));
        }

        if (Layout.DictOffset != 0)
        {
            Heap.ClearRef(ref *DictSlot(self));
        }

        if (Layout.ValuesOffset != 0)
        {
            ReleaseValues(self);
        }

        if (!Layout.SolidBaseIsObject)
        {
            Layout.SolidBase.ReleaseContents(self);
        }
    }

    private void ReleaseValues(PyObject* self)
    {
        var values = (nint*)*ValuesSlot(self);
        if (values == null)
        {
            return;
        }

        // Detach first so that a finalizer run by a released value sees no dangling buffer.
        *ValuesSlot(self) = 0;
        var capacity = values[0];
        for (nint i = 1; i <= capacity; i++)
        {
            Heap.XDecRef((PyObject*)values[i]);
        }

        Heap.FreeBuffer(values, ValuesBytes(capacity));
    }

    private static nuint ValuesBytes(nint capacity) => (nuint)(8 * (2 + (2 * capacity)));

    /// <summary>The insertion-order part of a values buffer: its length, then the indexes.</summary>
    private static nint* OrderOf(nint* values) => values + values[0] + 1;

    /// <inheritdoc/>
    public override delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFunction => &TraverseFields;

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseFields(self, visit, arg);

    /// <summary>
    /// subtype_traverse, driven by the reference map kept in the type object (see
    /// <see cref="InstanceLayout.ReferenceOffsets"/>): the slot and dict fields, 3.12's inline
    /// values, the type, then the solid base's own fields.
    /// </summary>
    private static int TraverseFields(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        // subtype_traverse's order: slots (this class's first), the dict or inline values,
        // the type (a heap type's instance owns it), then the solid base's own fields.
        var type = self->Type;
        var offsets = type->RefOffsets;
        int r;
        for (var i = 0; i < type->RefOffsetCount; i++)
        {
            var v = *(PyObject**)((byte*)self + offsets[i]);
            if (v != null && (r = visit(v, arg)) != 0)
            {
                return r;
            }
        }

        if (type->ValuesOffset != 0)
        {
            var values = *(nint**)((byte*)self + type->ValuesOffset);
            if (values != null)
            {
                for (nint i = 1; i <= values[0]; i++)
                {
                    if (values[i] != 0 && (r = visit((PyObject*)values[i], arg)) != 0)
                    {
                        return r;
                    }
                }
            }
        }

        if ((r = visit((PyObject*)type, arg)) != 0)
        {
            return r;
        }

        return type->BaseTraverse != null ? type->BaseTraverse(self, visit, arg) : 0;
    }

    /// <inheritdoc/>
    /// <remarks>subtype_clear drops what subtype_dealloc drops: slots, the dict or values, the base's part.</remarks>
    public override void Clear(PyObject* self) => ReleaseContents(self);

    /// <summary>The instance's <c>__dict__</c>, made now if absent (3.12: from the inline values): borrowed, or null on error.</summary>
    public PyObject* GetOrCreateDict(PyObject* self)
    {
        var slot = DictSlot(self);
        if (*slot != null)
        {
            return *slot;
        }

        var dict = Heap.NewDict();
        if (dict.IsNull)
        {
            return null;
        }

        var values = Layout.ValuesOffset != 0 ? (nint*)*ValuesSlot(self) : null;
        if (values != null)
        {
            // In the instance's insertion order, as 3.12's make_dict_from_instance_attributes.
            var order = OrderOf(values);
            for (nint k = 1; k <= order[0]; k++)
            {
                var i = order[k];
                if (Heap.Types.Dict.SetItem(dict.Ptr, (PyObject*)_sharedKeys[(int)i], (PyObject*)values[i + 1]) < 0)
                {
                    dict.DecRef();
                    return null;
                }
            }

            ReleaseValues(self);
        }

        *slot = dict.Ptr;
        return dict.Ptr;
    }

    /// <summary>Whether the instance currently has a dict object (3.12: false while values are inline).</summary>
    public bool HasDictObject(PyObject* self) => Layout.DictOffset != 0 && *DictSlot(self) != null;

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var type = self->Type;
        if (Layout.DictOffset != 0 && StrType.EqualsText(name, "__dict__"))
        {
            var d = GetOrCreateDict(self);
            return d == null ? PyRef.Null : new PyRef(d).NewRef();
        }

        if (StrType.EqualsText(name, "__class__"))
        {
            return new PyRef((PyObject*)type).NewRef();
        }

        var slotOffset = Layout.SlotOffset(name);
        if (slotOffset != 0)
        {
            var v = *SlotAt(self, slotOffset);
            if (v != null)
            {
                return new PyRef(v).NewRef();
            }

            // An empty slot's member descriptor: 2.7 raises AttributeError(name), 3.12 names the object.
            return Heap.Profile.IntPromotesToLong
                ? Heap.Raise(Heap.Types.Exceptions.AttributeError, StrType.AsString(name))
                : Heap.RaiseNoAttribute(self, name);
        }

        if (Layout.SolidBase is ExceptionType baseException && baseException.TryGetBaseAttribute(self, name, out var baseAttribute))
        {
            return baseAttribute;
        }

        var classAttr = TypeType.Lookup(type, name);
        if (classAttr != null && classAttr->Type->Descriptor.IsDataDescriptor)
        {
            return classAttr->Type->Descriptor.DescriptorGet(classAttr, self, type);
        }

        var found = LookupInstance(self, name);
        if (found != null)
        {
            return new PyRef(found).NewRef();
        }

        if (Heap.ErrorOccurred)
        {
            return PyRef.Null;
        }

        if (classAttr != null)
        {
            return classAttr->Type->Descriptor.DescriptorGet(classAttr, self, type);
        }

        return Heap.RaiseNoAttribute(self, name);
    }

    /// <summary>The instance's own value for <paramref name="name"/> (dict or inline values): borrowed or null.</summary>
    private PyObject* LookupInstance(PyObject* self, PyObject* name)
    {
        if (Layout.DictOffset != 0 && *DictSlot(self) != null)
        {
            return Heap.Types.Dict.GetItem(*DictSlot(self), name);
        }

        if (Layout.ValuesOffset != 0)
        {
            var values = (nint*)*ValuesSlot(self);
            var i = SharedKeyIndex(name);
            if (values != null && i >= 0 && i < values[0])
            {
                return (PyObject*)values[i + 1];
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        var slotOffset = Layout.SlotOffset(name);
        if (slotOffset != 0)
        {
            var slot = SlotAt(self, slotOffset);
            if (value == null && *slot == null)
            {
                // member_set deleting an empty slot: AttributeError(name) in 2.7 and 3.12.
                Heap.Raise(Heap.Types.Exceptions.AttributeError, StrType.AsString(name));
                return -1;
            }

            Heap.XIncRef(value);
            Heap.SetRef(ref *slot, value);
            return 0;
        }

        if (Layout.SolidBase is ExceptionType baseException && baseException.TrySetBaseAttribute(self, name, value, out var status))
        {
            return status;
        }

        var classAttr = TypeType.Lookup(self->Type, name);
        if (classAttr != null && classAttr->Type->Descriptor.IsDataDescriptor)
        {
            return classAttr->Type->Descriptor.DescriptorSet(classAttr, self, value);
        }

        if (Layout.DictOffset == 0)
        {
            Heap.RaiseNoAttribute(self, name);
            return -1;
        }

        if (*DictSlot(self) == null && Layout.ValuesOffset != 0 && TrySetValue(self, name, value, out var result))
        {
            return result;
        }

        return SetInDict(self, name, value);
    }

    private int SetInDict(PyObject* self, PyObject* name, PyObject* value)
    {
        var dict = value == null ? *DictSlot(self) : GetOrCreateDict(self);
        if (value == null)
        {
            if (dict == null || Heap.Types.Dict.DelItem(dict, name) < 0)
            {
                if (dict == null || Heap.ErrorMatches(Heap.Types.Exceptions.KeyError))
                {
                    Heap.ClearError();
                    Heap.RaiseNoAttribute(self, name);
                }

                return -1;
            }

            return 0;
        }

        return dict == null ? -1 : Heap.Types.Dict.SetItem(dict, name, value);
    }

    /// <summary>3.12's inline values: stores, or deletes, by the shared key's index. False when the keys are full (use a dict).</summary>
    private bool TrySetValue(PyObject* self, PyObject* name, PyObject* value, out int result)
    {
        result = 0;
        var index = SharedKeyIndex(name);
        if (index < 0)
        {
            if (value == null)
            {
                Heap.RaiseNoAttribute(self, name);
                result = -1;
                return true;
            }

            if (_sharedKeys.Count >= SharedKeysMax || !StrType.IsInterned(name))
            {
                return false;
            }

            _sharedKeys.Add((nint)name);
            index = _sharedKeys.Count - 1;
        }

        var values = (nint*)*ValuesSlot(self);
        var capacity = values == null ? 0 : values[0];
        if (index >= capacity)
        {
            if (value == null)
            {
                Heap.RaiseNoAttribute(self, name);
                result = -1;
                return true;
            }

            values = GrowValues(values, _sharedKeys.Count);
            if (values == null)
            {
                result = -1;
                return true;
            }

            *ValuesSlot(self) = (nint)values;
        }

        var slot = (PyObject**)&values[index + 1];
        if (value == null && *slot == null)
        {
            Heap.RaiseNoAttribute(self, name);
            result = -1;
            return true;
        }

        if (value == null)
        {
            RemoveFromOrder(values, index);
        }
        else if (*slot == null)
        {
            var order = OrderOf(values);
            order[++order[0]] = index;
        }

        Heap.XIncRef(value);
        Heap.SetRef(ref *slot, value);
        return true;
    }

    private static void RemoveFromOrder(nint* values, nint index)
    {
        var order = OrderOf(values);
        var n = order[0];
        var at = 1;
        while (order[at] != index)
        {
            at++;
        }

        for (var k = at; k < n; k++)
        {
            order[k] = order[k + 1];
        }

        order[0] = n - 1;
    }

    private nint* GrowValues(nint* values, int needed)
    {
        var oldCapacity = values == null ? 0 : values[0];
        var capacity = Math.Max(needed, 2);
        var fresh = (nint*)Heap.AllocBuffer(ValuesBytes(capacity));
        if (fresh == null)
        {
            return null;
        }

        fresh[0] = capacity;
        for (nint i = 1; i <= capacity; i++)
        {
            fresh[i] = i <= oldCapacity ? values[i] : 0;
        }

        var order = OrderOf(fresh);
        order[0] = 0;
        if (values != null)
        {
            var oldOrder = OrderOf(values);
            for (nint k = 0; k <= oldOrder[0]; k++)
            {
                order[k] = oldOrder[k];
            }

            Heap.FreeBuffer(values, ValuesBytes(oldCapacity));
        }

        return fresh;
    }

    private int SharedKeyIndex(PyObject* name)
    {
        for (var i = 0; i < _sharedKeys.Count; i++)
        {
            if (_sharedKeys[i] == (nint)name)
            {
                return i;
            }
        }

        if (!StrType.IsInterned(name))
        {
            for (var i = 0; i < _sharedKeys.Count; i++)
            {
                if (StrType.AsSpan((PyObject*)_sharedKeys[i]).SequenceEqual(StrType.AsSpan(name)))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        if (Heap.TryCallSpecial(self, "__repr__", out var result))
        {
            return CheckText(result, "__repr__");
        }

        // Inherited from the built-in base: an exception subclass reprs as MyError('bad').
        return Layout.SolidBase == Heap.Types.Object ? base.Repr(self) : Layout.SolidBase.Repr(self);
    }

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self)
    {
        if (Heap.TryCallSpecial(self, "__str__", out var result))
        {
            return CheckText(result, "__str__");
        }

        // object.__str__ is repr(self); a built-in base may have its own (BaseException_str).
        return Layout.SolidBase == Heap.Types.Object ? Repr(self) : Layout.SolidBase.Str(self);
    }

    /// <summary>What repr() and str() check a __repr__/__str__ result for: a str, else TypeError (steals <paramref name="result"/>).</summary>
    private PyRef CheckText(PyRef result, string method)
    {
        if (result.IsNull || Heap.IsInstance(result.Ptr, Heap.Types.Str))
        {
            return result;
        }

        var typeName = result.Descriptor.Name;
        result.DecRef();
        return Heap.RaiseTypeError($"{method} returned non-string (type {typeName})");
    }

    // The protocols below follow the class's special methods, else the built-in base's
    // (a dict or list subclass behaves as a dict or list), else object's default.

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (CallSpecial(self, "__getitem__", out var result, (nint)key))
        {
            return result;
        }

        if (!Layout.SolidBaseIsObject)
        {
            return Layout.SolidBase.Subscript(self, key);
        }

        return Heap.Profile.IntPromotesToLong
            ? Heap.RaiseTypeError($"'{Name}' object does not support indexing")
            : base.Subscript(self, key);
    }

    /// <inheritdoc/>
    public override int SetItem(PyObject* self, PyObject* key, PyObject* value)
    {
        var found = value == null
            ? CallSpecial(self, "__delitem__", out var result, (nint)key)
            : CallSpecial(self, "__setitem__", out result, (nint)key, (nint)value);
        if (found)
        {
            result.XDecRef();
            return result.IsNull ? -1 : 0;
        }

        return Layout.SolidBaseIsObject ? base.SetItem(self, key, value) : Layout.SolidBase.SetItem(self, key, value);
    }

    /// <inheritdoc/>
    public override nint Length(PyObject* self)
    {
        if (CallSpecial(self, "__len__", out var result))
        {
            if (result.IsNull)
            {
                return -1;
            }

            var ok = Heap.TryAsLong(result.Ptr, out var n);
            result.DecRef();
            if (!ok || n < 0)
            {
                Heap.Raise(ok ? Heap.Types.Exceptions.ValueError : Heap.Types.Exceptions.TypeError,
                    ok ? "__len__() should return >= 0" : "an integer is required");
                return -1;
            }

            return (nint)n;
        }

        return Layout.SolidBaseIsObject ? base.Length(self) : Layout.SolidBase.Length(self);
    }

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => Layout.SolidBaseIsObject ? 1 : Layout.SolidBase.IsTrue(self);

    /// <inheritdoc/>
    public override long Hash(PyObject* self) => Layout.SolidBaseIsObject ? Heap.IdentityHash(self) : Layout.SolidBase.Hash(self);

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op) =>
        Layout.SolidBaseIsObject ? base.RichCompare(self, other, op) : Layout.SolidBase.RichCompare(self, other, op);

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self)
    {
        var name = Heap.InternString("__call__");
        return !name.IsNull && TypeType.Lookup(self->Type, name.Ptr) != null;
    }

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs) =>
        Heap.TryCallSpecialWithArgs(self, "__call__", args, kwargs, out var result)
            ? result
            : Heap.RaiseTypeError($"'{Name}' object is not callable");

    /// <summary>Calls a special method defined by the class with the given arguments; false when the class has none.</summary>
    private bool CallSpecial(PyObject* self, string name, out PyRef result, params ReadOnlySpan<nint> args)
    {
        result = PyRef.Null;
        var nameObj = Heap.InternString(name);
        if (nameObj.IsNull || TypeType.Lookup(self->Type, nameObj.Ptr) == null)
        {
            return false;
        }

        var refs = new PyRef[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            refs[i] = new PyRef((PyObject*)args[i]);
        }

        var tuple = Heap.NewTuple(refs);
        if (tuple.IsNull)
        {
            return true;
        }

        Heap.TryCallSpecialWithArgs(self, name, tuple.Ptr, null, out result);
        tuple.DecRef();
        return true;
    }
}
