using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Module;

/// <summary>
/// A module: a namespace dict.
/// <code>
///  0 RefCount, Type   16 Dict   24 WeakList
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyModuleObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The module's globals (owned).</summary>
    public PyObject* Dict;

    /// <summary>Head of the weak references to this module.</summary>
    public PyObject* WeakList;
}
