using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Range;

/// <summary>
/// A 3.x range or a 2.7 xrange: bounds as machine integers (CPython 3 keeps int objects; see
/// <see cref="RangeType"/> for what that leaves out). Not tracked: it holds no references.
/// <code>
///  0 RefCount, Type   16 Start   24 Stop   32 Step   40 Length
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyRangeObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The first value.</summary>
    public long Start;

    /// <summary>The bound as given (3.x's repr shows it; 2.7 shows the normalised one).</summary>
    public long Stop;

    /// <summary>The step, never 0.</summary>
    public long Step;

    /// <summary>The number of values.</summary>
    public long Length;
}
