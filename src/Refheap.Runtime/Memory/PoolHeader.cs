using System.Runtime.InteropServices;

namespace Refheap.Memory;

/// <summary>The header at the start of every pool (obmalloc's <c>pool_header</c>).</summary>
/// <remarks>
/// Byte layout (48 bytes on 64-bit; the first block starts at the header size rounded up to
/// the profile's alignment, <see cref="HeapAllocator.PoolOverhead"/>):
/// <code>
///  0  Count          uint      blocks handed out and not yet freed
///  4  ArenaIndex     uint      index of the owning arena in the allocator's arena vector
///  8  FreeBlock      byte*     head of the free-block list (a link in each free block's first word)
/// 16  NextPool       pool*     usedpools list of the size class, or the arena's free-pool list
/// 24  PrevPool       pool*     usedpools list only
/// 32  SizeIndex      uint      size class; DummySizeIndex for a pool never used
/// 36  NextOffset     uint      offset of the first never-used block
/// 40  MaxNextOffset  uint      largest NextOffset at which a whole block still fits
/// 44  (padding)
/// </code>
/// Blocks below NextOffset have been handed out at least once; the free list holds the freed
/// ones and at most one never-used block, so a new pool costs no work per block.
/// A list head in <c>usedpools</c> is a whole <see cref="PoolHeader"/> used only for its links
/// (simpler than obmalloc's half-header trick, for the price of 48 bytes per size class).
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PoolHeader
{
    /// <summary>Size index of a pool carved from its arena but never initialised for a class.</summary>
    public const uint DummySizeIndex = uint.MaxValue;

    public uint Count;
    public uint ArenaIndex;
    public byte* FreeBlock;
    public PoolHeader* NextPool;
    public PoolHeader* PrevPool;
    public uint SizeIndex;
    public uint NextOffset;
    public uint MaxNextOffset;
    private readonly uint _padding;
}
