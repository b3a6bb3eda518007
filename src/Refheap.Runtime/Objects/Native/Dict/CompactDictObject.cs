using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// A py312 dict: CPython 3.12's <c>PyDictObject</c>, 48 bytes; the table lives in a separate
/// <see cref="DictKeysObject"/>.
/// <code>
///   0 RefCount, Type
///  16 Used           active entries: the dict's length
///  24 TableVersion   bumped whenever Keys is replaced (3.12's ma_version_tag slot)
///  32 Keys           DictKeysObject*, or null for the empty table (3.12's Py_EMPTY_KEYS)
///  40 Values         split-table values: null, or 1 for a dict made from an instance's values,
///                    which sys.getsizeof sizes as CPython's split table (DictType.MarkSplit)
///  48
/// </code>
/// A zeroed block is a valid empty dict.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CompactDictObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>Active entries (ma_used).</summary>
    public nint Used;

    /// <summary>
    /// Changes whenever <see cref="Keys"/> is replaced. A lookup whose key comparison ran
    /// user code restarts when it changed, instead of reading a table that may be freed.
    /// </summary>
    public ulong TableVersion;

    /// <summary>The keys table, or null while the dict has never held anything (or was cleared).</summary>
    public DictKeysObject* Keys;

    /// <summary>Non-null (1) for a dict CPython would keep as a split table; every dict here has a combined table.</summary>
    public void* Values;
}
