using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Methods;

/// <summary>
/// A method of a built-in type implemented in C#: its name, how it parses its arguments (with
/// CPython's errors), what it binds to, and its body.
/// </summary>
/// <param name="name">The method's name.</param>
/// <param name="spec">Its parameters, for the profile the table is built for.</param>
/// <param name="body">The work once the arguments are bound.</param>
/// <param name="binding">Instance method (default) or class method.</param>
internal sealed unsafe class BuiltinMethod(string name, ArgumentSpec spec, MethodBody body, MethodBinding binding = MethodBinding.Instance)
{
    /// <summary>The method's name.</summary>
    public string Name { get; } = name;

    /// <summary>What the method binds to.</summary>
    public MethodBinding Binding { get; } = binding;

    /// <summary>How the profile's CPython calls the method: a slot wrapper, without an argument tuple (<see cref="ArgumentSpec.IsVectorCall"/>), or with one.</summary>
    public NativeCallKind CallKind(Profile profile) =>
        spec.IsSlotWrapper ? NativeCallKind.SlotWrapper
        : Binding == MethodBinding.Instance && spec.IsVectorCall(profile.Wording == ErrorWording.Cpython27) ? NativeCallKind.Vector
        : NativeCallKind.Tuple;

    /// <summary>
    /// The function body stored in <paramref name="owner"/>'s dict: it resolves <c>self</c>
    /// (called on the class, an instance method takes the instance as its first argument,
    /// checked against the type), binds the arguments and runs the body.
    /// </summary>
    public NativeCallable ToCallable(TypeDescriptor owner) => (heap, self, args, kwargs) =>
    {
        if (self == null && Binding == MethodBinding.Class)
        {
            // Read on the class without binding (type attribute lookup does not bind): the type itself.
            self = (PyObject*)owner.TypeObject;
        }

        if (self != null)
        {
            return spec.TryBind(heap, owner.Name, Name, args, kwargs, out var bound) ? body(heap, self, bound) : PyRef.Null;
        }

        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        var n = TupleType.Size(args);
        if (n == 0)
        {
            return heap.RaiseTypeError(py27 || spec.IsSlotWrapper
                ? $"descriptor '{Name}' of '{owner.Name}' object needs an argument"
                : $"unbound method {owner.Name}.{Name}() needs an argument");
        }

        var instance = TupleType.Item(args, 0);
        if (!Heap.IsInstance(instance, owner))
        {
            var other = instance->Type->Descriptor.Name;
            return heap.RaiseTypeError(py27 || spec.IsSlotWrapper
                ? $"descriptor '{Name}' requires a '{owner.Name}' object but received a '{other}'"
                : $"descriptor '{Name}' for '{owner.Name}' objects doesn't apply to a '{other}' object");
        }

        // The rest of the arguments: 3.12's method descriptors take them where they are
        // (vectorcall); 2.7's methoddescr_call slices them into a new tuple for a bound
        // built-in method it makes and drops.
        var lend = !py27 && CallKind(heap.Profile) == NativeCallKind.Vector;
        if (py27 && !heap.Types.NativeFunction.ModelBoundMethod())
        {
            return PyRef.Null;
        }

        var restItems = new PyRef[n - 1];
        for (nint i = 1; i < n; i++)
        {
            restItems[i - 1] = new PyRef(TupleType.Item(args, i));
        }

        var rest = lend ? heap.ArgumentTuples.Rent(restItems) : heap.NewTuple(restItems);
        if (rest.IsNull)
        {
            return rest;
        }

        // The instance is held for the call: the body may drop the caller's last reference.
        Heap.IncRef(instance);
        var result = spec.TryBind(heap, owner.Name, Name, rest.Ptr, kwargs, out var unbound) ? body(heap, instance, unbound) : PyRef.Null;
        Heap.DecRef(instance);
        if (lend)
        {
            heap.ArgumentTuples.Return(rest);
        }
        else
        {
            rest.DecRef();
        }

        return result;
    };
}
