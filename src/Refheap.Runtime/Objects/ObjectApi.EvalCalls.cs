using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/// <summary>The evaluator's short cuts for calls CPython makes without intermediate objects.</summary>
internal sealed unsafe partial class ObjectApi
{
    private PyRef _initName;
    private PyRef _objectInit;

    /// <summary>
    /// For a plain class — its metaclass <c>type</c>, instances not exceptions — the
    /// <c>__init__</c> on its MRO when it is a Python function (borrowed), so that the evaluator
    /// can make the instance (<see cref="NewPlainInstance"/>) and run it with the instance as its
    /// first argument and no bound method, as 3.12's slot_tp_init does. Null, without an error,
    /// for any other callable; then <paramref name="objectInit"/> says whether it is a plain
    /// class that inherits <c>object.__init__</c> (called without arguments, it only makes the instance).
    /// </summary>
    public PyRef PlainClassInit(PyRef callable, out bool objectInit)
    {
        objectInit = false;
        var o = callable.Ptr;
        if (o->Type != Heap.Types.Type.TypeObject
            || ((PyTypeObject*)o)->Descriptor is not InstanceType type
            || type.Layout.SolidBase is ExceptionType
            || type.CustomNew() != null)
        {
            return PyRef.Null;
        }

        if (_initName.IsNull)
        {
            // Borrowed: interned strings and the object type's __init__ live as long as the heap.
            _initName = Heap.InternString("__init__");
            if (_initName.IsNull)
            {
                Heap.ClearError();
                return PyRef.Null;
            }

            _objectInit = new PyRef(TypeType.Lookup(Heap.Types.Object.TypeObject, _initName.Ptr));
        }

        var found = type.LookupInit(_initName.Ptr);
        if (found != null && found->Type == Heap.Types.PythonFunction.TypeObject)
        {
            return new PyRef(found);
        }

        objectInit = found != null && found == _objectInit.Ptr;
        return PyRef.Null;
    }

    /// <summary>A new instance of a class <see cref="PlainClassInit"/> accepted, with no attributes (new reference, or null with the error set).</summary>
    public PyRef NewPlainInstance(PyRef cls) => ((InstanceType)((PyTypeObject*)cls.Ptr)->Descriptor).Allocate();

    /// <summary>
    /// Checks what a plain class's <c>__init__</c> returned (steals <paramref name="result"/>):
    /// 0 for None, else -1 with CPython's TypeError set (or -1 when it is null: the error is set).
    /// </summary>
    public int FinishInit(PyRef result)
    {
        if (result.IsNull)
        {
            return -1;
        }

        if (result.Ptr == Heap.NoneObject)
        {
            result.DecRef();
            return 0;
        }

        var typeName = result.Descriptor.Name;
        result.DecRef();
        Heap.RaiseTypeError($"__init__() should return None, not '{typeName}'");
        return -1;
    }

    /// <summary>
    /// 3.12's LOAD_ATTR for a method call (_PyObject_GetMethod): when <paramref name="name"/>
    /// (borrowed) read on <paramref name="o"/> (borrowed) would bind a method — a Python function
    /// or a built-in method on the class of an instance that does not shadow it, or a built-in method of an exact list,
    /// dict, str or set — that function or method descriptor (new reference), to be called with <paramref name="o"/>
    /// first; otherwise null and no error (read the attribute as usual). 3.12's slot wrappers are method descriptors
    /// too (<c>lst.__len__()</c> makes no method-wrapper).
    /// </summary>
    public PyRef LoadMethod(PyRef o, PyRef name)
    {
        var type = o.Ptr->Type;
        if (type->Mro == null)
        {
            return PyRef.Null;
        }

        var types = Heap.Types;
        if (type->Descriptor is InstanceType instances)
        {
            // The order of InstanceType.GetAttr: a found function loses to __dict__, __class__,
            // a slot, the exception base's attributes and the instance's own value.
            var function = TypeType.Lookup(type, name.Ptr);
            var isMethod = function != null && (function->Type == types.PythonFunction.TypeObject
                || (types.NativeFunction.IsNativeFunction(function) && NativeFunctionType.IsUnboundMethod(function)));
            if (!isMethod
                || instances.Layout.SolidBase is ExceptionType || instances.Layout.SlotOffset(name.Ptr) != 0
                || StrType.EqualsText(name.Ptr, "__class__") || StrType.EqualsText(name.Ptr, "__dict__")
                || instances.HasOwnAttribute(o.Ptr, name.Ptr))
            {
                return PyRef.Null;
            }

            return new PyRef(function).NewRef();
        }

        if (type != types.List.TypeObject && type != types.Dict.TypeObject && type != types.Str.TypeObject && type != types.Set.TypeObject)
        {
            return PyRef.Null;
        }

        var method = TypeType.Lookup(type, name.Ptr);
        return method != null && types.NativeFunction.IsNativeFunction(method) && NativeFunctionType.IsUnboundMethod(method)
            ? new PyRef(method).NewRef()
            : PyRef.Null;
    }

    /// <summary>Calls a built-in method descriptor from <see cref="LoadMethod"/> with <paramref name="self"/>, the tuple <paramref name="args"/> and the dict <paramref name="kwargs"/> or null (all borrowed): a new reference or null.</summary>
    public PyRef CallMethodDescriptor(PyRef method, PyRef self, PyRef args, PyRef kwargs = default) =>
        Heap.Types.NativeFunction.CallWithSelf(method.Ptr, self.Ptr, args.Ptr, kwargs.Ptr);
}
