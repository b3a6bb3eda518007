using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Str;

/// <summary>
/// A str: immutable UTF-16 text stored inline after the header, with its hash cached.
/// <code>
///  0 RefCount, Type   16 Length (chars)   24 Hash (-1: not computed yet)
/// 32 Interned (0/1)   36 (padding)        40 chars[Length], then a NUL char
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyStrObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>Length in UTF-16 code units.</summary>
    public nint Length;

    /// <summary>The cached hash, or -1 before the first <c>hash()</c>.</summary>
    public long Hash;

    /// <summary>1 when the string is in the heap's intern table.</summary>
    public int Interned;

    private readonly int _padding;

    /// <summary>Bytes before the character data.</summary>
    public const int DataOffset = 40;
}
