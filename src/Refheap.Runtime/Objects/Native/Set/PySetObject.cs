using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Set;

/// <summary>
/// A set or frozenset, 200 bytes in both profiles as in CPython 2.7 and 3.12, eight slots inline.
/// <code>
///   0 RefCount, Type
///  16 Fill         active + dummy slots
///  24 Used         active slots: the length
///  32 Mask         slots - 1
///  40 Table        SetEntry*: SmallTable or a heap buffer of Mask + 1 slots
///  48 Hash         a frozenset's cached hash, -1 until computed
///  56 Finger       3.x set.pop's search position (2.7 keeps its lookup function pointer here)
///  64 SmallTable   8 × SetEntry (128 bytes)
/// 192 WeakList     head of the weak references to the set
/// 200
/// </code>
/// A zeroed block (Table null) is a valid empty set: the table and the hash are set up on
/// first use, so subclass instances, allocated zeroed, need no constructor call.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PySetObject
{
    /// <summary>Slots in the inline table (PySet_MINSIZE).</summary>
    public const int MinSize = 8;

    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>Active plus dummy slots.</summary>
    public nint Fill;

    /// <summary>Active slots.</summary>
    public nint Used;

    /// <summary>Slots minus one.</summary>
    public nint Mask;

    /// <summary>The slot array.</summary>
    public SetEntry* Table;

    /// <summary>A frozenset's hash once computed, else -1.</summary>
    public long Hash;

    /// <summary>Where the next <c>pop()</c> starts looking.</summary>
    public nint Finger;

    /// <summary>The inline table.</summary>
    public fixed byte SmallTableBytes[MinSize * 16];

    /// <summary>The weak references to this set.</summary>
    public PyObject* WeakList;

    /// <summary>The inline table of a set.</summary>
    public static SetEntry* SmallTable(PySetObject* so) => (SetEntry*)so->SmallTableBytes;
}
