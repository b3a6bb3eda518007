using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// One entry of a dict table, 24 bytes: 2.7's <c>PyDictEntry</c> (a hash-table slot) and
/// 3.x's <c>PyDictKeyEntry</c> (an entry of the dense, insertion-ordered array).
/// <code>
///  0 Hash   8 Key   16 Value
/// </code>
/// 2.7 slot states: unused (Key null), active (Value non-null), dummy (Key is the deleted
/// marker, Value null). 3.x entries: active (Value non-null) or deleted (all zero).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DictEntry
{
    /// <summary>The key's hash, cached so that probing and resizing never call <c>__hash__</c> again.</summary>
    public long Hash;

    /// <summary>The key (owned), null, or the deleted marker.</summary>
    public PyObject* Key;

    /// <summary>The value (owned) or null.</summary>
    public PyObject* Value;
}
