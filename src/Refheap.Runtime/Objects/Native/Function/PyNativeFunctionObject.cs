using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Function;

/// <summary>
/// A function implemented in C# (CPython's builtin_function_or_method).
/// <code>
///  0 RefCount, Type   16 Slot (index of the delegate in the heap's table)   24 Name (str)
/// 32 Self (bound object or null)   40 WeakList   48 Flags
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyNativeFunctionObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>Index of the C# delegate in <see cref="NativeFunctionType"/>'s table.</summary>
    public nint Slot;

    /// <summary>The function's name (a str); owned.</summary>
    public PyObject* Name;

    /// <summary>The object the function is bound to (passed as <c>self</c>), owned, or null.</summary>
    public PyObject* Self;

    /// <summary>Head of the weak references to this function.</summary>
    public PyObject* WeakList;

    /// <summary>What <see cref="IsMethod"/> holds for a class method, which binds to the class.</summary>
    public const nint ClassMethod = 2;

    /// <summary>1 when the function binds to instances when found on a class (a method); <see cref="ClassMethod"/> for a class method.</summary>
    public nint IsMethod;
}
