using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Iterators;

/// <summary>
/// An iterator over a sequence by position (listiterator, tupleiterator, the str iterators,
/// the reversed list iterator and the generic <c>iterator</c> over <c>__getitem__</c>), 32
/// bytes as CPython's in both versions.
/// <code>
///  0 RefCount, Type   16 Index (next position)   24 Seq (owned; null once exhausted)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PySequenceIteratorObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The next position to read (the reversed iterator counts down; -1 at the end).</summary>
    public nint Index;

    /// <summary>The sequence, owned; null once the iterator is exhausted (CPython drops it then).</summary>
    public PyObject* Seq;
}
