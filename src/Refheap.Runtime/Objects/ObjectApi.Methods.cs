using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/// <summary>Calling the built-in types' methods for the evaluator.</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// <c>o.name(*args, **kwargs)</c> without making the bound method, as 3.x's LOAD_METHOD /
    /// CALL do for a method of a built-in type (2.7 binds: read the attribute and call it
    /// instead). True with the call's result (a new reference, or null with the error set) when
    /// <paramref name="name"/> (a str) is such a method of <paramref name="o"/>'s built-in type;
    /// false, nothing set, for anything else (an instance of a user class, a data attribute...).
    /// Built-in instances have no instance dict, so nothing can shadow the type's method.
    /// </summary>
    public bool TryCallBuiltinMethod(PyRef o, PyRef name, PyRef args, PyRef kwargs, out PyRef result)
    {
        result = PyRef.Null;
        var type = o.Ptr->Type;
        if (type->Descriptor is InstanceType || type->Mro == null)
        {
            return false;
        }

        var attr = TypeType.Lookup(type, name.Ptr);
        if (attr == null || attr->Type->Descriptor is not NativeFunctionType natives || !NativeFunctionType.IsUnboundMethod(attr))
        {
            return false;
        }

        result = natives.CallWithSelf(attr, o.Ptr, args.Ptr, kwargs.Ptr);
        return true;
    }
}
