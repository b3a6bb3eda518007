using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Method;

/// <summary>
/// The slots shared by the small wrapper objects of the method folder: <c>classmethod</c>,
/// <c>staticmethod</c>, <c>property</c>, <c>super</c> and <c>functools.partial</c>.
/// <code>
///  0 RefCount, Type   16 First   24 Second   32 Third   40 Fourth   48 Fifth
/// </code>
/// Each kind uses a prefix of the slots, in the order of CPython's struct for it, and its
/// block is only as large as CPython's (<see cref="WrapperType"/>), so a kind never touches a
/// slot past its own: classmethod/staticmethod use First and Second; super First to Third;
/// property and partial all five. Every slot holds an owned reference or null, except
/// partial's Fifth, the head of its weak references.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyWrapperObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>classmethod/staticmethod: the function; property: fget; super: the class; partial: the function.</summary>
    public PyObject* First;

    /// <summary>classmethod/staticmethod: the attribute dict (3.x, made on first store); property: fset; super: the instance (or class); partial: the arguments tuple.</summary>
    public PyObject* Second;

    /// <summary>property: fdel; super: the instance's type; partial: the keywords dict (or null).</summary>
    public PyObject* Third;

    /// <summary>property: the doc; partial: the attribute dict, made on first store.</summary>
    public PyObject* Fourth;

    /// <summary>property: its name (3.x, from <c>__set_name__</c>); partial: the head of its weak references.</summary>
    public PyObject* Fifth;
}
