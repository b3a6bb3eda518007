using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Method;

/// <summary>
/// A bound method: a function and the instance it was read through.
/// <code>
///  0 RefCount, Type   16 Function   24 Self   32 WeakList
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMethodObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The function (owned).</summary>
    public PyObject* Function;

    /// <summary>The bound instance (owned).</summary>
    public PyObject* Self;

    /// <summary>Head of the weak references to this method object.</summary>
    public PyObject* WeakList;
}
