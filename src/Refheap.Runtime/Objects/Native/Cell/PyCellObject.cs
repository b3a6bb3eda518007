using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Cell;

/// <summary>
/// A closure cell: one variable shared by a function and the functions nested in it.
/// <code>
///  0 RefCount, Type   16 Contents (owned, or null while the variable is unbound)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyCellObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The variable's value (owned), or null when unbound.</summary>
    public PyObject* Contents;
}
