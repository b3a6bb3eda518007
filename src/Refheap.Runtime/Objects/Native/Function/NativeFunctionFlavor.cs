namespace Refheap.Objects.Native.Function;

/// <summary>
/// Which of CPython's types a C#-implemented callable is: a function or bound method, or one
/// of the descriptors a built-in type's dict holds. All share <see cref="PyNativeFunctionObject"/>
/// and bind and call alike; they differ in their type (its name), size and weak-referenceability.
/// </summary>
internal enum NativeFunctionFlavor
{
    /// <summary><c>builtin_function_or_method</c>: a function, or a method bound to its object (<c>[].append</c>, <c>dict.fromkeys</c>).</summary>
    Function,

    /// <summary><c>method_descriptor</c>: a method in a built-in type's dict (<c>list.append</c>).</summary>
    MethodDescriptor,

    /// <summary><c>wrapper_descriptor</c>: a slot's method in a built-in type's dict (<c>object.__init__</c>, <c>int.__add__</c>).</summary>
    WrapperDescriptor,

    /// <summary><c>classmethod_descriptor</c>: a class method in a built-in type's dict (<c>dict.__dict__['fromkeys']</c>).</summary>
    ClassMethodDescriptor,

    /// <summary><c>method-wrapper</c>: a slot's method bound to its object (<c>object().__init__</c>).</summary>
    MethodWrapper,
}
