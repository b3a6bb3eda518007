using System.Runtime.InteropServices;

namespace Refheap.Objects;

/// <summary>Header of a variable-size object: the object header and an item count (CPython's <c>ob_size</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyVarObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>Number of items (for arbitrary-precision ints: signed digit count).</summary>
    public nint Size;
}
