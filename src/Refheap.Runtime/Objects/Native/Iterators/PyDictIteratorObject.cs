using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Iterators;

/// <summary>
/// A dict's key, value or item iterator, 56 bytes as CPython's (dictiterobject) in both versions.
/// <code>
///  0 RefCount, Type   16 Dict (owned; null once exhausted)   24 Used (the dict's size when
/// made; -1 after a size change)   32 Pos   40 Result (items: the reusable 2-tuple)   48 Len
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyDictIteratorObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The dict, owned; null once exhausted.</summary>
    public PyObject* Dict;

    /// <summary>The dict's item count when the iterator was made; -1 once a size change was reported.</summary>
    public nint Used;

    /// <summary>The walk's position in the dict's table.</summary>
    public nint Pos;

    /// <summary>The item iterator's result tuple, reused when nobody else holds it; owned or null.</summary>
    public PyObject* Result;

    /// <summary>Items left to give.</summary>
    public nint Len;
}
