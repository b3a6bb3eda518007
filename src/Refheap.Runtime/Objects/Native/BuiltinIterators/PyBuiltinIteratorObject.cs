using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.BuiltinIterators;

/// <summary>
/// A map, filter, zip, enumerate or reversed object: a function (or the reversed sequence),
/// a counter, and the iterators it draws from, inline.
/// <code>
///  0 RefCount, Type   16 Function (map's function, filter's predicate, reversed's sequence,
///                        zip's tuple of iterators, enumerate's result tuple)
/// 24 Index (enumerate's next number; reversed's next position; zip: 1 when strict)
/// 32 BigIndex (enumerate's number once past 64 bits, an int; zip's result tuple)
/// 40 Count   48 Items[Count] (iterators; none for zip, which holds them in its tuple)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyBuiltinIteratorObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>Owned, or null (filter with None; an exhausted reversed; a cleared zip or enumerate).</summary>
    public PyObject* Function;

    /// <summary>The kind's counter.</summary>
    public long Index;

    /// <summary>enumerate's counter as an int object once it no longer fits in <see cref="Index"/>, zip's result tuple; owned or null.</summary>
    public PyObject* BigIndex;

    /// <summary>How many iterators follow.</summary>
    public nint Count;

    /// <summary>Bytes before the iterators.</summary>
    public const int ItemsOffset = 48;
}
