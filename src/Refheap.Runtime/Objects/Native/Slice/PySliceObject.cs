using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Slice;

/// <summary>
/// A slice object, <c>slice(start, stop, step)</c>: what <c>o[a:b:c]</c> passes to a
/// <c>__getitem__</c> that is not a built-in sequence's.
/// <code>
///  0 RefCount, Type   16 Start   24 Stop   32 Step      (each owned; None when left out)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PySliceObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The start (owned; None when left out).</summary>
    public PyObject* Start;

    /// <summary>The stop (owned; None when left out).</summary>
    public PyObject* Stop;

    /// <summary>The step (owned; None when left out).</summary>
    public PyObject* Step;
}
