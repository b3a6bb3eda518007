using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// The table of a py312 dict: CPython 3.12's <c>PyDictKeysObject</c>, one heap buffer.
/// <code>
///   0 RefCount        always 1 (3.12 shares key tables between split dicts; not done here)
///   8 Log2Size        log2 of the index slots (3 = 8 slots at least)
///   9 Log2IndexBytes  log2 of the index array's bytes: slots × 1, 2, 4 or 8 bytes as 3.12
///  10 Kind            General (entries: hash, key, value) or Unicode (key, value; all keys exact str)
///  11 (padding)
///  12 Version         3.12's dk_version (unused)
///  16 Usable          entries that may still be appended before a resize
///  24 NEntries        entries used so far, deleted ones included
///  32 indices[1 &lt;&lt; Log2Size]   entry index, or Empty (-1) / Dummy (-2)
///     entries[2/3 of the slots]  DictEntry (24 bytes) or key, value (16 bytes)
/// </code>
/// Sizes are 3.12's, so <c>sys.getsizeof</c> and the allocator's counts agree with CPython.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DictKeysObject
{
    /// <summary>Bytes before the index array.</summary>
    public const int HeaderSize = 32;

    /// <summary><see cref="Kind"/>: entries of hash, key and value.</summary>
    public const byte General = 0;

    /// <summary><see cref="Kind"/>: entries of key and value, every key an exact str (its hash is cached in the str).</summary>
    public const byte Unicode = 1;

    /// <summary>Index value of a slot never used.</summary>
    public const long Empty = -1;

    /// <summary>Index value of a slot whose entry was deleted.</summary>
    public const long Dummy = -2;

    /// <summary>Always 1.</summary>
    public nint RefCount;

    /// <summary>log2 of the number of index slots.</summary>
    public byte Log2Size;

    /// <summary>log2 of the index array's size in bytes.</summary>
    public byte Log2IndexBytes;

    /// <summary><see cref="General"/> or <see cref="Unicode"/>.</summary>
    public byte Kind;

    private readonly byte _padding;

    /// <summary>3.12's keys version (unused).</summary>
    public uint Version;

    /// <summary>Entries that may still be appended.</summary>
    public nint Usable;

    /// <summary>Entries appended so far (deleted ones included).</summary>
    public nint NEntries;
}
