using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// A py27 dict: CPython 2.7's <c>PyDictObject</c> with its first eight slots inline, less its
/// <c>ma_lookup</c> function pointer (Refheap picks the lookup by key type on each call).
/// <code>
///   0 RefCount, Type
///  16 Fill           active + dummy slots
///  24 Used           active slots
///  32 Mask           slots - 1 (7 for the inline table)
///  40 Table          DictEntry*: SmallTable or a heap buffer of Mask + 1 slots
///  48 SmallTable     8 × DictEntry (192 bytes)
/// 240
/// </code>
/// With its 16-byte GC header the block is 256 bytes: the largest small request, so a dict comes
/// from the pools (and goes back to them) as an instance does, where CPython 2.7's 280-byte dict
/// falls through to malloc. <c>sys.getsizeof</c> still reports 2.7's 248 + 32 (see
/// <see cref="DictType.ReportedSizeAdjustment"/>).
/// A zeroed block (Table null) is a valid empty dict: the table is set up on first use, so
/// that instances of dict subclasses, allocated zeroed, need no constructor call.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ClassicDictObject
{
    /// <summary>Slots in the inline table (2.7's PyDict_MINSIZE).</summary>
    public const int MinSize = 8;

    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>Active plus dummy slots (ma_fill).</summary>
    public nint Fill;

    /// <summary>Active slots (ma_used): the dict's length.</summary>
    public nint Used;

    /// <summary>Slots minus one (ma_mask).</summary>
    public nint Mask;

    /// <summary>The slot array (ma_table).</summary>
    public DictEntry* Table;

    /// <summary>The inline table (ma_smalltable).</summary>
    public fixed byte SmallTableBytes[MinSize * 24];

    /// <summary>The inline table of a dict.</summary>
    public static DictEntry* SmallTable(ClassicDictObject* mp) => (DictEntry*)mp->SmallTableBytes;
}
