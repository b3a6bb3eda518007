using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Method;

/// <summary>
/// The layout shared by the small wrapper objects of the method folder: <c>classmethod</c>,
/// <c>staticmethod</c>, <c>property</c>, <c>super</c> and <c>functools.partial</c>.
/// <code>
///  0 RefCount, Type   16 First   24 Second   32 Third   40 Fourth   48 Dict   56 WeakList
/// </code>
/// Each type says what its four slots hold; all are owned references or null.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyWrapperObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>classmethod/staticmethod: the function; property: fget; super: the class; partial: the function.</summary>
    public PyObject* First;

    /// <summary>property: fset; super: the instance (or class); partial: the arguments tuple.</summary>
    public PyObject* Second;

    /// <summary>property: fdel; super: the instance's type; partial: the keywords dict (or null).</summary>
    public PyObject* Third;

    /// <summary>property: the doc.</summary>
    public PyObject* Fourth;

    /// <summary>The object's attribute dict (classmethod, staticmethod, partial), made on first store.</summary>
    public PyObject* Dict;

    /// <summary>Head of the weak references to the object.</summary>
    public PyObject* WeakList;
}
