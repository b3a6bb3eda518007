using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Type;

/// <summary>
/// A read-only view of a mapping: what <c>SomeClass.__dict__</c> gives.
/// <code>
///  0 RefCount, Type   16 Mapping (owned: the class's dict)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMappingProxyObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The mapping read through (owned).</summary>
    public PyObject* Mapping;
}
