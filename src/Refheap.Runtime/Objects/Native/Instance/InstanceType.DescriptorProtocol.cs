using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Instance;

/// <summary>
/// Instances of a class defining <c>__get__</c>, <c>__set__</c> or <c>__delete__</c> are
/// descriptors (slot_tp_descr_get / slot_tp_descr_set): found on a class, they are called
/// instead of being returned or replaced, and one with <c>__set__</c> or <c>__delete__</c> (a
/// data descriptor) comes before the instance's own dict.
/// </summary>
internal sealed unsafe partial class InstanceType
{
    private const int DefinesGet = 1;
    private const int DefinesSetOrDelete = 2;

    // Which of the methods the class has, valid while its version tag is _descriptorTag (as
    // LookupInit's answer: a change to the class or a base resets the tag).
    private uint _descriptorTag;
    private int _descriptorMethods;

    /// <inheritdoc/>
    public override bool IsDataDescriptor => (DescriptorMethods() & DefinesSetOrDelete) != 0;

    /// <inheritdoc/>
    public override bool ReadBeforeInstanceDict => DescriptorMethods() == (DefinesGet | DefinesSetOrDelete);

    /// <inheritdoc/>
    /// <remarks>slot_tp_descr_get: <c>type(self).__get__(self, instance or None, owner or None)</c>.</remarks>
    public override PyRef DescriptorGet(PyObject* self, PyObject* instance, PyTypeObject* owner)
    {
        if ((DescriptorMethods() & DefinesGet) == 0)
        {
            return new PyRef(self).NewRef();
        }

        var args = Heap.NewTuple([new PyRef(instance != null ? instance : Heap.NoneObject), new PyRef(owner != null ? (PyObject*)owner : Heap.NoneObject)]);
        if (args.IsNull)
        {
            return args;
        }

        if (!Heap.TryCallSpecialWithArgs(self, "__get__", args.Ptr, null, out var result))
        {
            // The class lost its __get__ since the answer was kept: no longer a descriptor.
            result = new PyRef(self).NewRef();
        }

        args.DecRef();
        return result;
    }

    /// <inheritdoc/>
    /// <remarks>slot_tp_descr_set: <c>__set__(self, instance, value)</c>, or <c>__delete__(self, instance)</c> when deleting; AttributeError naming the one the class lacks.</remarks>
    public override int DescriptorSet(PyObject* self, PyObject* instance, PyObject* value)
    {
        var method = value != null ? "__set__" : "__delete__";
        var args = value != null
            ? Heap.NewTuple([new PyRef(instance), new PyRef(value)])
            : Heap.NewTuple([new PyRef(instance)]);
        if (args.IsNull)
        {
            return -1;
        }

        var found = Heap.TryCallSpecialWithArgs(self, method, args.Ptr, null, out var result);
        args.DecRef();
        if (!found)
        {
            Heap.Raise(Heap.Types.Exceptions.AttributeError, method);
            return -1;
        }

        result.XDecRef();
        return result.IsNull ? -1 : 0;
    }

    private int DescriptorMethods()
    {
        var tag = TypeObject->VersionTag;
        if (tag != 0 && tag == _descriptorTag)
        {
            return _descriptorMethods;
        }

        var methods = (Defines("__get__") ? DefinesGet : 0) | (Defines("__set__") || Defines("__delete__") ? DefinesSetOrDelete : 0);

        // The lookups gave the class its tag if it had none.
        _descriptorTag = TypeObject->VersionTag;
        _descriptorMethods = methods;
        return methods;
    }

    private bool Defines(string name)
    {
        var nameObj = Heap.InternString(name);
        if (nameObj.IsNull)
        {
            Heap.ClearError();
            return false;
        }

        return TypeObject->Mro != null && TypeType.Lookup(TypeObject, nameObj.Ptr) != null;
    }
}
