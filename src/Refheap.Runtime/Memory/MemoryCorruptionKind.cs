namespace Refheap.Memory;

/// <summary>What the debug allocator found wrong with a block (see <see cref="MemoryCorruptionException"/>).</summary>
public enum MemoryCorruptionKind
{
    /// <summary>The guard bytes after the block's data were overwritten: a write past its end.</summary>
    Overrun,

    /// <summary>The guard bytes before the block's data were overwritten: a write before its start.</summary>
    Underrun,

    /// <summary>The block was freed a second time (it is already free, or its pool or arena is).</summary>
    DoubleFree,

    /// <summary>The size given to free differs from the size the block was allocated with.</summary>
    SizeMismatch,

    /// <summary>The block kind given to free differs from the kind it was allocated with.</summary>
    KindMismatch,

    /// <summary>A freed block was used: verified or reallocated after its free, or written to while free.</summary>
    UseAfterFree,

    /// <summary>The address is not the start of any block of this allocator.</summary>
    InvalidPointer,
}
