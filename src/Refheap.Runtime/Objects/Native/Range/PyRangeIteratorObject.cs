using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Range;

/// <summary>
/// A range's iterator (2.7 rangeiterator, 3.x range_iterator). Not tracked.
/// <code>
///  0 RefCount, Type   16 Index   24 Start   32 Step   40 Length
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyRangeIteratorObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>How many values were given.</summary>
    public long Index;

    /// <summary>The first value.</summary>
    public long Start;

    /// <summary>The step.</summary>
    public long Step;

    /// <summary>The number of values.</summary>
    public long Length;
}
