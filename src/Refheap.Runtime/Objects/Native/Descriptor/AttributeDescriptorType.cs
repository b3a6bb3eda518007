using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Int;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Descriptor;

/// <summary>
/// The descriptors CPython puts in a new class's dict: <c>getset_descriptor</c> for
/// <c>__dict__</c> and <c>__weakref__</c>, <c>member_descriptor</c> for each
/// <c>__slots__</c> name. They are data descriptors, tracked, and own their class.
/// </summary>
internal sealed unsafe class AttributeDescriptorType : TypeDescriptor
{
    private readonly bool _member;

    /// <summary>Creates <c>getset_descriptor</c> (<paramref name="member"/> false) or <c>member_descriptor</c>.</summary>
    public AttributeDescriptorType(Heap heap, bool member)
        : base(heap, member ? "member_descriptor" : "getset_descriptor") => _member = member;

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <inheritdoc/>
    public override bool IsDataDescriptor => true;

    /// <summary>A descriptor for <paramref name="name"/> of the class <paramref name="owner"/> (borrowed); <paramref name="offset"/> for slot members.</summary>
    public PyRef New(PyObject* owner, string name, nint offset)
    {
        var nameObj = Heap.InternString(name);
        if (nameObj.IsNull)
        {
            return PyRef.Null;
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PyAttributeDescriptorObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var d = (PyAttributeDescriptorObject*)o;
        Heap.IncRef(owner);
        d->OwnerType = owner;
        d->Name = nameObj.NewRef().Ptr;
        d->Offset = offset;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyAttributeDescriptorObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var d = (PyAttributeDescriptorObject*)self;
        Heap.Gc.Untrack(self);
        Heap.ClearRef(ref d->OwnerType);
        Heap.ClearRef(ref d->Name);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var owner = ((PyAttributeDescriptorObject*)self)->OwnerType;
        return owner != null ? visit(owner, arg) : 0;
    }

    /// <inheritdoc/>
    public override PyRef DescriptorGet(PyObject* self, PyObject* instance, PyTypeObject* owner)
    {
        var d = (PyAttributeDescriptorObject*)self;
        if (instance == null)
        {
            return new PyRef(self).NewRef();
        }

        if (!CheckInstance(d, instance))
        {
            return PyRef.Null;
        }

        if (_member)
        {
            var value = *(PyObject**)((byte*)instance + d->Offset);
            return value != null ? new PyRef(value).NewRef() : Heap.RaiseNoAttribute(instance, d->Name);
        }

        var number = NumberAttributes.Of(Heap, instance, (PyTypeObject*)d->OwnerType, d->Name);
        if (!number.IsNull || Heap.ErrorOccurred)
        {
            return number;
        }

        if (StrType.EqualsText(d->Name, "__class__"))
        {
            // object's __class__ (object_get_class).
            return new PyRef((PyObject*)instance->Type).NewRef();
        }

        if (StrType.EqualsText(d->Name, "__dict__") && instance->Type->Descriptor is InstanceType it)
        {
            var dict = it.GetOrCreateDict(instance);
            return dict == null ? PyRef.Null : new PyRef(dict).NewRef();
        }

        // __weakref__: the first weak reference without a callback, or None (Weak/ fills the list).
        var list = instance->Type->Descriptor.WeakListOffset;
        var head = list == 0 ? null : *(PyObject**)((byte*)instance + list);
        return head != null ? new PyRef(head).NewRef() : Heap.None;
    }

    /// <inheritdoc/>
    public override int DescriptorSet(PyObject* self, PyObject* instance, PyObject* value)
    {
        var d = (PyAttributeDescriptorObject*)self;
        if (!CheckInstance(d, instance))
        {
            return -1;
        }

        if (_member)
        {
            var slot = (PyObject**)((byte*)instance + d->Offset);
            if (value == null && *slot == null)
            {
                Heap.RaiseNoAttribute(instance, d->Name);
                return -1;
            }

            Heap.XIncRef(value);
            Heap.SetRef(ref *slot, value);
            return 0;
        }

        if (NumberAttributes.IsNumberType(Heap, (PyTypeObject*)d->OwnerType))
        {
            // The numbers' getsets have no setter (getset_set).
            Heap.Raise(Heap.Types.Exceptions.AttributeError, $"attribute '{StrType.AsString(d->Name)}' of '{((PyTypeObject*)d->OwnerType)->Descriptor.Name}' objects is not writable");
            return -1;
        }

        if (StrType.EqualsText(d->Name, "__dict__") && instance->Type->Descriptor is InstanceType it)
        {
            return it.SetDictAttribute(instance, value);
        }

        if (StrType.EqualsText(d->Name, "__weakref__"))
        {
            Heap.Raise(Heap.Types.Exceptions.AttributeError, $"attribute '__weakref__' of '{((PyTypeObject*)d->OwnerType)->Descriptor.Name}' objects is not writable");
            return -1;
        }

        // __class__: the instance's own store, which handles it before any class attribute.
        return instance->Type->Descriptor.SetAttr(instance, d->Name, value);
    }

    private bool CheckInstance(PyAttributeDescriptorObject* d, PyObject* instance)
    {
        if (Heap.IsSubtype(instance->Type, (PyTypeObject*)d->OwnerType))
        {
            return true;
        }

        var article = Heap.Profile.Wording == ErrorWording.Cpython27 ? "" : "a ";
        Heap.RaiseTypeError($"descriptor '{StrType.AsString(d->Name)}' for '{((PyTypeObject*)d->OwnerType)->Descriptor.Name}' objects doesn't apply to {article}'{instance->Type->Descriptor.Name}' object");
        return false;
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var d = (PyAttributeDescriptorObject*)self;
        var kind = _member ? "member" : "attribute";
        return Heap.NewString($"<{kind} '{StrType.AsString(d->Name)}' of '{((PyTypeObject*)d->OwnerType)->Descriptor.Name}' objects>");
    }
}
