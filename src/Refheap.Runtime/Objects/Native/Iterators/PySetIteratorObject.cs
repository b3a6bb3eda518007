using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Iterators;

/// <summary>
/// A set's iterator, 48 bytes as CPython's (setiterobject) in both versions.
/// <code>
///  0 RefCount, Type   16 Set (owned; null once exhausted)   24 Used   32 Pos   40 Len
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PySetIteratorObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The set or frozenset, owned; null once exhausted.</summary>
    public PyObject* Set;

    /// <summary>The set's size when the iterator was made; -1 once a size change was reported.</summary>
    public nint Used;

    /// <summary>The walk's position in the set's table.</summary>
    public nint Pos;

    /// <summary>Items left to give.</summary>
    public nint Len;
}
