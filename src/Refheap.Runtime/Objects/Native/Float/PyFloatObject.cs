using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Float;

/// <summary>
/// A float, as CPython's <c>PyFloatObject</c> (24 bytes).
/// <code>
///  0 RefCount   8 Type   16 Value (double)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyFloatObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The value.</summary>
    public double Value;
}
