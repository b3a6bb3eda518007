using System.Runtime.InteropServices;
using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Type;

/// <summary>
/// <c>type</c>, the metatype: describes type objects themselves. Built-in type objects are
/// immortal and untracked; user classes (heap types) are tracked, own their name, bases,
/// MRO and dict, and die like any object when their last reference goes.
/// </summary>
internal sealed unsafe class TypeType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public TypeType(Heap heap)
        : base(heap, "type")
    {
    }

    /// <inheritdoc/>
    public override bool IsGc => true;

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyTypeObject>(nameof(PyTypeObject.WeakList));

    /// <inheritdoc/>
    public override int WeakListOffset => s_weakListOffset;

    /// <inheritdoc/>
    /// <remarks>
    /// CPython's figures for its type objects (Refheap's are smaller): 2.7 reports
    /// PyHeapTypeObject's 872 bytes, plus a 40-byte member definition per <c>__slots__</c> name
    /// a class adds; 3.12 reports 432 for a built-in type and 920 for a class, plus the 768
    /// bytes of the shared-keys table a class whose instances keep a managed dict caches.
    /// </remarks>
    public override nuint SizeOf(PyObject* self)
    {
        var descriptor = ((PyTypeObject*)self)->Descriptor;
        var py27 = Heap.Profile.Wording == ErrorWording.Cpython27;
        if (descriptor is not Instance.InstanceType { Layout: var layout })
        {
            return py27 ? 872u : 432u;
        }

        if (py27)
        {
            var inherited = (layout.Parent as Instance.InstanceType)?.Layout.Slots ?? [];
            return 872u + (40u * (nuint)layout.Slots.Count(s => !inherited.Contains(s)));
        }

        var managedDict = (layout.DictOffset != 0 || layout.ValuesOffset != 0) && layout.SolidBase is not Exceptions.ExceptionType;
        return 920u + (managedDict ? 768u : 0u);
    }

    /// <inheritdoc/>
    /// <remarks>Only a class: CPython's built-in types are static, outside the collector.</remarks>
    public override bool ReportsGcHeader(PyObject* self) => ((PyTypeObject*)self)->Descriptor is Instance.InstanceType;

    /// <summary>
    /// Finds <paramref name="name"/> along the type's MRO (_PyType_Lookup): a borrowed
    /// reference, or null without an error when absent.
    /// </summary>
    public static PyObject* Lookup(PyTypeObject* type, PyObject* name) =>
        TypeAttributeCache.Lookup(type, name);

    /// <summary>The MRO walk itself, without the cache (borrowed result or null, no error).</summary>
    internal static PyObject* LookupInMro(PyTypeObject* type, PyObject* name)
    {
        var mro = type->Mro;
        var dicts = type->Descriptor.Heap.Types.Dict;
        var n = TupleType.Size(mro);
        for (nint i = 0; i < n; i++)
        {
            var t = (PyTypeObject*)TupleType.Item(mro, i);
            if (t->Dict == null)
            {
                continue;
            }

            var value = dicts.GetItem(t->Dict, name);
            if (value != null)
            {
                return value;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        // Only heap types get here: built-in type objects are immortal.
        var t = (PyTypeObject*)self;
        Heap.Gc.Untrack(self);
        Heap.ClearWeakReferences(self);
        var descriptor = t->Descriptor;
        Heap.ClearRef(ref t->Name);
        Heap.ClearRef(ref t->Bases);
        Heap.ClearRef(ref t->Mro);
        Heap.ClearRef(ref t->Dict);
        Heap.FreeReferenceMap(t);
        GCHandle.FromIntPtr(t->DescriptorHandle).Free();
        t->DescriptorHandle = 0;
        Heap.OnClassFreed(descriptor);
        Heap.FreeObject(self, this, (nuint)sizeof(PyTypeObject));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var t = (PyTypeObject*)self;
        int r;
        if (t->Dict != null && (r = visit(t->Dict, arg)) != 0)
        {
            return r;
        }

        if (t->Mro != null && (r = visit(t->Mro, arg)) != 0)
        {
            return r;
        }

        return t->Bases != null ? visit(t->Bases, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self)
    {
        // type_clear: the dict and the MRO may hold the cycle; the bases and name stay for reprs.
        var t = (PyTypeObject*)self;
        if (t->Dict != null)
        {
            Heap.Types.Dict.ClearContents(t->Dict);
        }

        Heap.ClearRef(ref t->Mro);
    }

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self) => true;

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs) =>
        ((PyTypeObject*)self)->Descriptor.Construct(args, kwargs);

    /// <inheritdoc/>
    /// <remarks>Calling <c>type</c> itself: <c>type(o)</c> or <c>type(name, bases, dict)</c>.</remarks>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) => Constructors.SequenceConstructors.Type(Heap, args, kwargs);

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        // 3.x's PyObject_GetItem of a class: its __class_getitem__ (implicitly a classmethod), if any.
        var name = Heap.Profile.IntPromotesToLong ? PyRef.Null : Heap.InternString("__class_getitem__");
        var found = name.IsNull ? null : Lookup((PyTypeObject*)self, name.Ptr);
        if (found == null)
        {
            Heap.ClearError();
            return base.Subscript(self, key);
        }

        var bound = found->Type->Descriptor.DescriptorGet(found, null, (PyTypeObject*)self);
        if (bound.IsNull)
        {
            return bound;
        }

        var args = Heap.NewTuple([new PyRef(key)]);
        var result = args.IsNull ? PyRef.Null : Heap.Call(bound.Ptr, args.Ptr, null);
        args.XDecRef();
        bound.DecRef();
        return result;
    }

    /// <summary>tp_base: a class's best base (<see cref="Heap.BestBase"/>), a built-in type's base; null for object.</summary>
    private static PyTypeObject* BestBase(PyTypeObject* t)
    {
        if (t->Descriptor is not Instance.InstanceType)
        {
            var builtinBase = t->Descriptor.BaseType;
            return builtinBase == null ? null : builtinBase.TypeObject;
        }

        var bases = new List<nint>();
        for (nint i = 0; t->Bases != null && i < TupleType.Size(t->Bases); i++)
        {
            bases.Add((nint)TupleType.Item(t->Bases, i));
        }

        return bases.Count == 0 ? null : Heap.BestBase(bases);
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var t = (PyTypeObject*)self;
        if (StrType.EqualsText(name, "__name__"))
        {
            return new PyRef(t->Name).NewRef();
        }

        if (StrType.EqualsText(name, "__qualname__") && Heap.Profile.Wording != ErrorWording.Cpython27)
        {
            return Heap.NewString(t->Descriptor is Instance.InstanceType { Qualname: { } q } ? q : t->Descriptor.Name);
        }

        if (StrType.EqualsText(name, "__class__"))
        {
            return new PyRef((PyObject*)self->Type).NewRef();
        }

        if (StrType.EqualsText(name, "__dict__") && t->Dict != null)
        {
            // A read-only view, so that the class changes only through setattr (type_dict).
            return Heap.Types.MappingProxy.New(t->Dict);
        }

        if (StrType.EqualsText(name, "__bases__") && t->Bases != null)
        {
            return new PyRef(t->Bases).NewRef();
        }

        if (StrType.EqualsText(name, "__mro__") && t->Mro != null)
        {
            return new PyRef(t->Mro).NewRef();
        }

        if (StrType.EqualsText(name, "__base__"))
        {
            var baseType = BestBase(t);
            return baseType != null ? new PyRef((PyObject*)baseType).NewRef() : Heap.None;
        }

        var value = t->Mro == null ? null : Lookup(t, name);
        if (value != null)
        {
            // type_getattro: a descriptor found on the class binds to it (staticmethod,
            // classmethod, 2.7's unbound methods); plain values come back as they are.
            return value->Type->Descriptor.DescriptorGet(value, null, t);
        }

        if (Heap.ErrorOccurred)
        {
            return PyRef.Null;
        }

        // type_getattro's last resort: an attribute of the metatype, bound to the class (2.7's
        // object.__eq__ is type's comparison slot wrapper).
        var meta = self->Type;
        var metaValue = meta->Mro == null ? null : Lookup(meta, name);
        if (metaValue != null)
        {
            return metaValue->Type->Descriptor.DescriptorGet(metaValue, self, meta);
        }

        if (Heap.ErrorOccurred)
        {
            return PyRef.Null;
        }

        return Heap.RaiseMissingAttribute(self, name,
            $"type object '{t->Descriptor.Name}' has no attribute '{StrType.AsString(name)}'");
    }

    /// <summary>
    /// type's own members, which live in the type object and not in its dict (a store there
    /// would be silently shadowed): <c>__qualname__</c> (3.x) is set, <c>__mro__</c> and
    /// <c>__dict__</c> are read-only, <c>__bases__</c> cannot be assigned in Refheap. False for
    /// any other name; <paramref name="status"/> is 0 or -1 with the error set.
    /// </summary>
    private bool TrySetTypeMember(PyTypeObject* t, PyObject* name, PyObject* value, out int status)
    {
        status = -1;
        var py27 = Heap.Profile.IntPromotesToLong;
        var text = StrType.AsString(name);
        switch (text)
        {
            case "__qualname__" when !py27 && t->Descriptor is Instance.InstanceType it:
                if (value == null || !Heap.IsInstance(value, Heap.Types.Str))
                {
                    Heap.RaiseTypeError($"can only assign string to {it.Name}.__qualname__, not '{(value == null ? "NoneType" : value->Type->Descriptor.Name)}'");
                    return true;
                }

                it.Qualname = StrType.AsString(value);
                status = 0;
                return true;
            case "__mro__" or "__dict__":
                if (py27 && text == "__mro__")
                {
                    Heap.RaiseTypeError("readonly attribute");
                }
                else
                {
                    Heap.Raise(Heap.Types.Exceptions.AttributeError, $"attribute '{text}' of 'type' objects is not writable");
                }

                return true;
            case "__bases__":
                Heap.Raise(Heap.Types.Exceptions.NotImplementedError, $"Refheap does not support assigning a class's __bases__ (class {t->Descriptor.Name})");
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        var t = (PyTypeObject*)self;
        if (!t->Descriptor.IsHeapType)
        {
            Heap.RaiseTypeError(Heap.Profile.IntPromotesToLong
                ? $"can't set attributes of built-in/extension type '{t->Descriptor.Name}'"
                : $"cannot set '{StrType.AsString(name)}' attribute of immutable type '{t->Descriptor.Name}'");
            return -1;
        }

        if (StrType.EqualsText(name, "__name__"))
        {
            return SetName(t, value);
        }

        if (TrySetTypeMember(t, name, value, out var status))
        {
            return status;
        }

        if (value != null)
        {
            var r = Heap.Types.Dict.SetItem(t->Dict, name, value);
            Heap.OnClassAttributeChanged(t, name);
            return r;
        }

        if (Heap.Types.Dict.DelItem(t->Dict, name) < 0)
        {
            if (Heap.ErrorMatches(Heap.Types.Exceptions.KeyError))
            {
                // type_setattro: 2.7 raises AttributeError(name); 3.12 words it as a lookup does.
                Heap.ClearError();
                Heap.Raise(Heap.Types.Exceptions.AttributeError, Heap.Profile.IntPromotesToLong
                    ? StrType.AsString(name)
                    : $"type object '{t->Descriptor.Name}' has no attribute '{StrType.AsString(name)}'");
            }

            return -1;
        }

        Heap.OnClassAttributeChanged(t, name);
        return 0;
    }

    /// <summary>
    /// type_set_name: <c>__name__</c> takes only a str (and cannot be deleted). The new name
    /// reads back through <c>__name__</c>; reprs keep the descriptor's name.
    /// </summary>
    private int SetName(PyTypeObject* t, PyObject* value)
    {
        var typeName = t->Descriptor.Name;
        if (value == null)
        {
            Heap.RaiseTypeError($"can't delete {typeName}.__name__");
            return -1;
        }

        if (!Heap.IsInstance(value, Heap.Types.Str))
        {
            Heap.RaiseTypeError($"can only assign string to {typeName}.__name__, not '{value->Type->Descriptor.Name}'");
            return -1;
        }

        Heap.IncRef(value);
        Heap.SetRef(ref t->Name, value);
        return 0;
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var d = ((PyTypeObject*)self)->Descriptor;
        if (!Heap.Profile.IntPromotesToLong || d.IsHeapType)
        {
            return Heap.NewString($"<class '{d.QualifiedName}'>");
        }

        // 2.7's built-in exceptions live in module 'exceptions' (tp_name "exceptions.ValueError").
        return Heap.NewString(d is Exceptions.ExceptionType ? $"<type 'exceptions.{d.Name}'>" : $"<type '{d.QualifiedName}'>");
    }

    /// <summary>The dict of a type (borrowed).</summary>
    public static PyObject* DictOf(PyTypeObject* t) => t->Dict;

    /// <summary>Reads <c>__module__</c> from a class dict, or null.</summary>
    public static string? ModuleOf(DictType dicts, PyObject* classDict)
    {
        var module = dicts.GetItemString(classDict, "__module__");
        return module != null && module->Type == dicts.Heap.Types.Str.TypeObject ? StrType.AsString(module) : null;
    }
}
