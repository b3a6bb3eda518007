namespace Refheap.Memory;

/// <summary>The bookkeeping of one arena slot (obmalloc's <c>arena_object</c>).</summary>
/// <remarks>
/// Lives in a managed array that grows by doubling, like obmalloc's <c>arenas</c> vector:
/// its size is bounded by the number of arenas ever mapped at once, not by the number of
/// blocks. Links are indices into that array (-1 = none) so that growing it invalidates nothing.
/// A slot with <see cref="Address"/> == null is not associated with an arena and sits on the
/// unused-slot list (linked by <see cref="NextArena"/>).
/// </remarks>
internal unsafe struct ArenaObject
{
    /// <summary>Base of the arena (ArenaSize-aligned), or null for an unused slot.</summary>
    public byte* Address;

    /// <summary>Next pool never carved out of the arena; pools below it have been used.</summary>
    public byte* PoolAddress;

    /// <summary>Empty pools: those on <see cref="FreePools"/> plus those not carved yet.</summary>
    public int NFreePools;

    /// <summary>Pools the arena holds in all.</summary>
    public int NTotalPools;

    /// <summary>Singly linked (through NextPool) list of empty pools that were used before.</summary>
    public PoolHeader* FreePools;

    /// <summary>Next slot in usable_arenas, or in the unused-slot list.</summary>
    public int NextArena;

    /// <summary>Previous slot in usable_arenas.</summary>
    public int PrevArena;

    /// <summary>
    /// Side bitmaps in native memory: one bit per alignment unit of the arena, set at each live
    /// object's address, and one more per unit marking which of them are GC objects. The two
    /// are interleaved by 64-bit word (object word k, then GC word k), so that the allocator
    /// sets or clears both bits of an object in one cache line.
    /// </summary>
    public ulong* ObjectBits;
}
