using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Set;

/// <summary>
/// One slot of a set table (CPython's <c>setentry</c>), 16 bytes.
/// <code>
///  0 Key   8 Hash
/// </code>
/// States: unused (Key null, Hash 0), active (a key, its hash), dummy (Key is the deleted
/// marker; Hash -1 in py312 sets, as 3.x, the old hash in py27 sets, as 2.7).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SetEntry
{
    /// <summary>The key (owned), null, or the deleted marker.</summary>
    public PyObject* Key;

    /// <summary>The key's hash.</summary>
    public long Hash;
}
