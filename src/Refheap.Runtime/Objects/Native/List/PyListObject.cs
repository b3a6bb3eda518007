using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.List;

/// <summary>
/// A list: the header, the item count, and a separately allocated item array.
/// <code>
///  0 RefCount, Type   16 Size   24 Items (PyObject**, a heap buffer, or null)   32 Allocated
/// </code>
/// Invariant: 0 &lt;= Size &lt;= Allocated; Items[0..Size) are owned references.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyListObject
{
    /// <summary>Reference count, type and size.</summary>
    public PyVarObject Base;

    /// <summary>The item array (Allocated slots), or null when Allocated is 0.</summary>
    public PyObject** Items;

    /// <summary>Slots in <see cref="Items"/>.</summary>
    public nint Allocated;
}
