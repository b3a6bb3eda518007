using Refheap.Memory;
using Refheap.Objects.Native.Classic;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    /// <summary><c>getattr(o, name)</c> with <paramref name="name"/> a str: new reference or null.</summary>
    public PyRef GetAttr(PyObject* o, PyObject* name) => o->Type->Descriptor.GetAttr(o, name);

    /// <summary><c>getattr(o, name)</c> by .NET name (interned).</summary>
    public PyRef GetAttr(PyObject* o, string name)
    {
        var n = InternString(name);
        return n.IsNull ? n : GetAttr(o, n.Ptr);
    }

    /// <summary><c>setattr(o, name, value)</c>, or <c>delattr</c> when value is null; 0 or -1.</summary>
    public int SetAttr(PyObject* o, PyObject* name, PyObject* value) => o->Type->Descriptor.SetAttr(o, name, value);

    /// <summary><c>setattr</c> by .NET name (interned).</summary>
    public int SetAttr(PyObject* o, string name, PyObject* value)
    {
        var n = InternString(name);
        return n.IsNull ? -1 : SetAttr(o, n.Ptr, value);
    }

    /// <summary>
    /// Attribute lookup for objects without an instance dict (built-ins): the class's
    /// attributes through the descriptor protocol, else AttributeError.
    /// </summary>
    public PyRef GenericGetAttr(PyObject* o, PyObject* name)
    {
        if (StrType.EqualsText(name, "__class__"))
        {
            return new PyRef((PyObject*)o->Type).NewRef();
        }

        var attr = o->Type->Mro == null ? null : TypeType.Lookup(o->Type, name);
        if (attr != null)
        {
            return attr->Type->Descriptor.DescriptorGet(attr, o, o->Type);
        }

        return ErrorOccurred ? PyRef.Null : RaiseMissingInstanceAttribute(o, name);
    }

    /// <summary>Attribute store for objects without an instance dict: data descriptors on the class, else AttributeError.</summary>
    public int GenericSetAttr(PyObject* o, PyObject* name, PyObject* value)
    {
        // object's __class__ setter (the descriptor in object's dict, whose store comes back
        // here): a built-in object's class cannot change.
        if (StrType.EqualsText(name, "__class__"))
        {
            return Native.Instance.InstanceType.RefuseClassValue(this, value) ? -1 : Native.Instance.InstanceType.RaiseNotHeapType(this);
        }

        var attr = o->Type->Mro == null ? null : TypeType.Lookup(o->Type, name);
        if (attr != null && attr->Type->Descriptor.IsDataDescriptor)
        {
            return attr->Type->Descriptor.DescriptorSet(attr, o, value);
        }

        // PyObject_GenericSetAttr without an instance dict, 2.7 and 3.12 alike.
        if (attr != null)
        {
            Raise(Types.Exceptions.AttributeError, $"'{o->Type->Descriptor.Name}' object attribute '{StrType.AsString(name)}' is read-only");
            return -1;
        }

        RaiseNoAttribute(o, name);
        return -1;
    }

    /// <summary>
    /// Calls the special method <paramref name="name"/> if the object's class defines one (looked
    /// up on the type, as CPython does for special methods). False when it does not; otherwise
    /// <paramref name="result"/> is the call's result (null with the error set on failure).
    /// </summary>
    public bool TryCallSpecial(PyObject* self, string name, out PyRef result)
    {
        if (self->Type->Descriptor is ClassicInstanceType classic)
        {
            // A 2.7 classic instance finds special methods as any attribute, on itself.
            return classic.TryCallMethod(self, name, Types.Tuple.Empty, null, out result);
        }

        result = PyRef.Null;
        var nameObj = InternString(name);
        var attr = nameObj.IsNull || self->Type->Mro == null ? null : TypeType.Lookup(self->Type, nameObj.Ptr);
        if (attr == null)
        {
            return false;
        }

        if (attr->Type->Descriptor is NativeFunctionType natives && NativeFunctionType.IsUnboundMethod(attr))
        {
            // A built-in type's method: called directly, as CPython calls a C slot.
            result = natives.CallWithSelf(attr, self, Types.Tuple.Empty, null);
            return true;
        }

        if (!Profile.IntPromotesToLong && attr->Type == Types.PythonFunction.TypeObject)
        {
            // 3.x's slots call a Python function with the instance first (vectorcall_method):
            // no bound method, no argument tuple.
            result = CallVector(attr, [new PyRef(self)]);
            return true;
        }

        var bound = attr->Type->Descriptor.DescriptorGet(attr, self, self->Type);
        if (bound.IsNull)
        {
            return true;
        }

        result = Call(bound.Ptr, Types.Tuple.Empty, null);
        bound.DecRef();
        return true;
    }

    /// <summary>How many C# function bodies are running now (nested calls included).</summary>
    public int NativeCallDepth { get; private set; }

    /// <summary>
    /// Runs a C# function body with CPython's calling contract enforced: a .NET exception
    /// becomes a Python one (<see cref="PythonException"/> keeps its type; anything else is a
    /// SystemError), and a null result without an error is a SystemError.
    /// </summary>
    public PyRef InvokeNative(NativeCallable body, PyObject* self, PyObject* args, PyObject* kwargs)
    {
        PyRef result;
        NativeCallDepth++;
        try
        {
            result = body(this, self, args, kwargs);
        }
        catch (PythonException e)
        {
            var type = Types.Exceptions.Find(e.TypeName) ?? Types.Exceptions.SystemError;
            return Raise(type, e.PythonMessage);
        }
        catch (MemoryCorruptionException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Raise(Types.Exceptions.SystemError, $"{e.GetType().Name} in a C# callable: {e.Message}");
        }
        finally
        {
            NativeCallDepth--;
        }

        if (result.IsNull && !ErrorOccurred)
        {
            return Raise(Types.Exceptions.SystemError, "a C# callable returned null without setting an error");
        }

        return result;
    }
}
