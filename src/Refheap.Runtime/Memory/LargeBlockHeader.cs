using System.Runtime.InteropServices;

namespace Refheap.Memory;

/// <summary>The header in front of every large block (a request above the small-request limit).</summary>
/// <remarks>
/// Byte layout (32 bytes, so that the block after it keeps the 16-byte alignment of the
/// system allocation):
/// <code>
///  0  Prev   header*   doubly linked list of all live large blocks, for heap walks
///  8  Next   header*
/// 16  Size   nuint     bytes requested by the caller (without debug padding)
/// 24  Kind   int       BlockKind
/// 28  (padding)
/// </code>
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LargeBlockHeader
{
    public LargeBlockHeader* Prev;
    public LargeBlockHeader* Next;
    public nuint Size;
    public BlockKind Kind;
    private readonly int _padding;
}
