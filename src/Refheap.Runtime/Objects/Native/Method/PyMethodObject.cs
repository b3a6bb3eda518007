using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Method;

/// <summary>
/// A bound method: a function and the instance it was read through.
/// <code>
///  0 RefCount, Type   16 Function   24 Self (null: 2.7's unbound method)   32 WeakList   40 Class
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMethodObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The function (owned).</summary>
    public PyObject* Function;

    /// <summary>The bound instance (owned), or null for 2.7's unbound method.</summary>
    public PyObject* Self;

    /// <summary>Head of the weak references to this method object.</summary>
    public PyObject* WeakList;

    /// <summary>2.7's unbound method: the class it was read from (owned), or null.</summary>
    public PyObject* Class;
}
