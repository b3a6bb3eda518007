using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Classic;

/// <summary>
/// An instance of a 2.7 classic class (type <c>instance</c>, CPython's PyInstanceObject):
/// <code>
///  0 RefCount, Type   16 Class   24 Dict   32 WeakList
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyClassicInstanceObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The instance's classic class (owned).</summary>
    public PyObject* Class;

    /// <summary>The instance's <c>__dict__</c>, made with the instance (owned).</summary>
    public PyObject* Dict;

    /// <summary>Head of the weak references to the instance.</summary>
    public PyObject* WeakList;
}
