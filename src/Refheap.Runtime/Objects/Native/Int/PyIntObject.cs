using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// A machine-word int, as CPython 2.7's <c>PyIntObject</c> (24 bytes). Used by the py27
/// <c>int</c> and by py27's <c>True</c>/<c>False</c>.
/// <code>
///  0 RefCount   8 Type   16 Value (long)
/// </code>
/// </summary>
/// <remarks>
/// Free ints in an own block (see <see cref="OwnBlocks"/>) keep <c>RefCount</c> 0 and use
/// <c>Type</c> as the link of the free list, as 2.7's intobject.c threads its free list
/// through <c>ob_type</c>.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct PyIntObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The value.</summary>
    public long Value;
}
