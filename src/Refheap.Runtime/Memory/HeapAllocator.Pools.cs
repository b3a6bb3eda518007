using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Refheap.Memory;

/*
 * Small blocks: size classes → pools → arenas, as Objects/obmalloc.c.
 *
 * ┌───────────────────────────── the states of a pool ─────────────────────────────┐
 * │                                                                                 │
 * │   used   some blocks handed out, some free or never used. Linked in              │
 * │          usedpools[class], a circular doubly linked list; allocation takes the   │
 * │          first block of the first pool there.                                    │
 * │   full   every block handed out. In no list.                                     │
 * │   empty  no block handed out. On its arena's freepools list (singly linked),     │
 * │          or not carved out of the arena yet (below ArenaObject.PoolAddress is    │
 * │          carved, above is not).                                                  │
 * │                                                                                  │
 * │                 AllocateFromNewPool                    ExtendPool                │
 * │                 (usedpools[c] had no pool)             (last free block taken,   │
 * │                                                         no never-used one left)  │
 * │     ┌─────────┐ ───────────────────────► ┌────────┐ ─────────────────► ┌──────┐  │
 * │     │  empty  │                          │  used  │                    │ full │  │
 * │     └─────────┘ ◄─────────────────────── └────────┘ ◄───────────────── └──────┘  │
 * │                 InsertToFreePool                       InsertToUsedPool          │
 * │                 (its last block freed)                 (one block freed; the     │
 * │                                                         pool goes to the FRONT   │
 * │                                                         of usedpools[c])         │
 * │                                                                                  │
 * │   An empty pool keeps its class: reused for the same class it needs no setup.    │
 * │   When every pool of an arena is empty, InsertToFreePool returns the arena to    │
 * │   the system (ReleaseArena), unless the layout keeps one wholly empty arena and  │
 * │   this one is the last of usable_arenas (CPython 3.9+, bpo-37257).               │
 * └──────────────────────────────────────────────────────────────────────────────────┘
 *
 * usable_arenas: the arenas with at least one empty pool, doubly linked, sorted by
 * ascending number of empty pools, so that new pools come from the most used arena and the
 * nearly empty ones get a chance to become wholly empty and go back to the system.
 * _nfp2lasta[n] is the last arena in that list with n empty pools (-1 if none), which keeps
 * the list sorted in constant time when an arena gains a free pool (CPython 3.8, bpo-37029;
 * CPython 2.7 searched linearly for the same position).
 */
internal sealed unsafe partial class HeapAllocator
{
    private const int InitialArenaObjects = 16;

    // usedpools: one list head per size class (whole PoolHeaders used only for their links).
    private PoolHeader* _usedPools;

    private ArenaObject[] _arenas = [];
    private int _unusedArenaObjects = -1;   // slots with no arena, linked by NextArena
    private int _usableArenas = -1;         // head of usable_arenas
    private readonly int[] _nfp2lasta;
    // Arena base → slot, for the debug checks: a freed block's arena may be unmapped, and
    // its pool header must not be read then. Bounded by the number of arenas.
    private readonly Dictionary<nint, int> _arenaIndexByBase = [];

    private long _arenasAllocatedTotal;
    private long _arenasCurrent;
    private long _arenasHighWater;

    // Takes a block of class sizeIndex. After this: the block is counted in its pool, and the
    // pool is in usedpools with a non-null FreeBlock, or full and in no list.
    private byte* AllocateSmall(uint sizeIndex)
    {
        PoolHeader* head = &_usedPools[sizeIndex];
        PoolHeader* pool = head->NextPool;
        if (pool == head)
        {
            return AllocateFromNewPool(sizeIndex);
        }

        // A used pool always has a block on its free list (ExtendPool keeps it so).
        pool->Count++;
        byte* bp = pool->FreeBlock;
        Debug.Assert(bp != null);
        // Invariant: the first word of a free block links to the next free block.
        pool->FreeBlock = *(byte**)bp;
        if (pool->FreeBlock == null)
        {
            ExtendPool(pool, sizeIndex);
        }
        return bp;
    }

    // The free list ran out: put the next never-used block on it, or, if the pool has none
    // left, unlink the pool from usedpools (used → full).
    private void ExtendPool(PoolHeader* pool, uint sizeIndex)
    {
        if (pool->NextOffset <= pool->MaxNextOffset)
        {
            // NextOffset <= MaxNextOffset: a whole block fits at NextOffset, inside the pool.
            byte* fresh = (byte*)pool + pool->NextOffset;
            pool->NextOffset += (uint)BlockSizeOf(sizeIndex);
            *(byte**)fresh = null;
            pool->FreeBlock = fresh;
            return;
        }
        PoolHeader* next = pool->NextPool;
        PoolHeader* prev = pool->PrevPool;
        next->PrevPool = prev;
        prev->NextPool = next;
    }

    // usedpools[sizeIndex] is empty: take an empty pool from the first usable arena (mapping
    // a new arena if there is none), link it into usedpools and hand out its first block.
    private byte* AllocateFromNewPool(uint sizeIndex)
    {
        if (_usableArenas < 0)
        {
            int fresh = NewArena();
            if (fresh < 0)
            {
                return null;
            }
            _usableArenas = fresh;
            _arenas[fresh].NextArena = -1;
            _arenas[fresh].PrevArena = -1;
            Debug.Assert(_nfp2lasta[_arenas[fresh].NFreePools] < 0);
            _nfp2lasta[_arenas[fresh].NFreePools] = fresh;
        }

        int ai = _usableArenas;
        ref ArenaObject ao = ref _arenas[ai];
        Debug.Assert(ao.Address != null && ao.NFreePools > 0);

        // The head of usable_arenas has the fewest free pools; one fewer keeps it there. It
        // stops being the last with its old count, and becomes the last with the new one.
        if (_nfp2lasta[ao.NFreePools] == ai)
        {
            _nfp2lasta[ao.NFreePools] = -1;
        }
        if (ao.NFreePools > 1)
        {
            Debug.Assert(_nfp2lasta[ao.NFreePools - 1] < 0);
            _nfp2lasta[ao.NFreePools - 1] = ai;
        }

        PoolHeader* pool = ao.FreePools;
        if (pool != null)
        {
            // A pool used before: its ArenaIndex and SizeIndex are still valid.
            ao.FreePools = pool->NextPool;
        }
        else
        {
            // Carve a new pool; PoolAddress stays inside the arena while NFreePools > 0.
            pool = (PoolHeader*)ao.PoolAddress;
            pool->ArenaIndex = (uint)ai;
            pool->SizeIndex = PoolHeader.DummySizeIndex;
            ao.PoolAddress += _poolSize;
        }
        ao.NFreePools--;
        if (ao.NFreePools == 0)
        {
            // Wholly allocated: drop it from usable_arenas (it is the head).
            _usableArenas = ao.NextArena;
            if (_usableArenas >= 0)
            {
                _arenas[_usableArenas].PrevArena = -1;
            }
        }

        // Link the pool into the (empty) usedpools list of its class.
        PoolHeader* head = &_usedPools[sizeIndex];
        Debug.Assert(head->NextPool == head);
        pool->NextPool = head;
        pool->PrevPool = head;
        head->NextPool = pool;
        head->PrevPool = pool;
        pool->Count = 1;

        byte* bp;
        if (pool->SizeIndex == sizeIndex)
        {
            // Last used for this same class: header and free list are already set up.
            bp = pool->FreeBlock;
            Debug.Assert(bp != null);
            pool->FreeBlock = *(byte**)bp;
            if (pool->FreeBlock == null)
            {
                ExtendPool(pool, sizeIndex);
            }
            return bp;
        }

        // Set the pool up for the class: hand out the first block, put the second on the
        // free list, and leave the rest never used (NextOffset).
        uint size = (uint)BlockSizeOf(sizeIndex);
        pool->SizeIndex = sizeIndex;
        if (DebugMode)
        {
            // Every free byte is dead in debug mode; DebugPrepareSmall checks it on reuse.
            NativeMemory.Fill((byte*)pool + _poolOverhead, _poolSize - _poolOverhead, DeadByte);
        }
        uint first = _firstBlock[sizeIndex];
        bp = (byte*)pool + first;
        pool->NextOffset = first + (2 * size);
        pool->MaxNextOffset = (uint)_poolSize - size;
        // CheckLayout guarantees two blocks fit, so bp + size is a whole block in the pool.
        pool->FreeBlock = bp + size;
        *(byte**)pool->FreeBlock = null;
        return bp;
    }

    // Returns block b to its pool. Full → used puts the pool at the front of usedpools;
    // used → empty moves it to its arena's free pools (InsertToFreePool).
    private void FreeSmall(byte* b)
    {
        PoolHeader* pool = PoolOf(b);
        Debug.Assert(pool->Count > 0);
        byte* lastFree = pool->FreeBlock;
        *(byte**)b = lastFree;
        pool->FreeBlock = b;
        pool->Count--;

        if (lastFree == null)
        {
            // The pool was full (a used pool's free list is never empty), so it is in no list.
            InsertToUsedPool(pool);
            return;
        }
        if (pool->Count != 0)
        {
            return;
        }
        InsertToFreePool(pool);
    }

    // full → used: link the pool at the front of usedpools[class], so that the next
    // allocations of the class fill it again (LRU order).
    private void InsertToUsedPool(PoolHeader* pool)
    {
        Debug.Assert(pool->Count > 0);
        PoolHeader* head = &_usedPools[pool->SizeIndex];
        PoolHeader* next = head->NextPool;
        pool->NextPool = next;
        pool->PrevPool = head;
        next->PrevPool = pool;
        head->NextPool = pool;
    }

    // used → empty: unlink the pool from usedpools, push it on its arena's free pools and keep
    // usable_arenas sorted; return the arena to the system when it became wholly empty.
    private void InsertToFreePool(PoolHeader* pool)
    {
        PoolHeader* next = pool->NextPool;
        PoolHeader* prev = pool->PrevPool;
        next->PrevPool = prev;
        prev->NextPool = next;

        int ai = (int)pool->ArenaIndex;
        ref ArenaObject ao = ref _arenas[ai];
        pool->NextPool = ao.FreePools;
        ao.FreePools = pool;

        int nf = ao.NFreePools;
        // If ao was the last arena with nf free pools, the one before it (if it has nf too)
        // is now. When nf == 0, ao is not in usable_arenas and no finger points at it.
        int lastnf = _nfp2lasta[nf];
        if (lastnf == ai)
        {
            int p = ao.PrevArena;
            _nfp2lasta[nf] = p >= 0 && _arenas[p].NFreePools == nf ? p : -1;
        }
        ao.NFreePools = ++nf;

        // Case 1: wholly empty. Return it to the system, unless the layout keeps one empty
        // arena and this is the last of usable_arenas: a loop that allocates and frees one
        // block must not map and unmap an arena at every turn (bpo-37257).
        if (nf == ao.NTotalPools && (!_keepOneEmptyArena || ao.NextArena >= 0))
        {
            UnlinkUsableArena(ai);
            ReleaseArena(ai);
            return;
        }

        // Case 2: its first free pool. It was not in usable_arenas; it has the fewest free
        // pools now, so it goes to the front.
        if (nf == 1)
        {
            ao.NextArena = _usableArenas;
            ao.PrevArena = -1;
            if (_usableArenas >= 0)
            {
                _arenas[_usableArenas].PrevArena = ai;
            }
            _usableArenas = ai;
            if (_nfp2lasta[1] < 0)
            {
                _nfp2lasta[1] = ai;
            }
            return;
        }

        if (_nfp2lasta[nf] < 0)
        {
            _nfp2lasta[nf] = ai;
        }
        // Case 4: it was the last with nf - 1 free pools, so the next arena already has at
        // least nf: the list is still sorted.
        if (ai == lastnf)
        {
            return;
        }

        // Case 3: move it right, just after the last arena with nf - 1 free pools.
        Debug.Assert(ao.NextArena >= 0 && lastnf >= 0);
        UnlinkUsableArena(ai);
        ref ArenaObject after = ref _arenas[lastnf];
        ao.PrevArena = lastnf;
        ao.NextArena = after.NextArena;
        if (ao.NextArena >= 0)
        {
            _arenas[ao.NextArena].PrevArena = ai;
        }
        after.NextArena = ai;
        Debug.Assert(ao.NextArena < 0 || nf <= _arenas[ao.NextArena].NFreePools);
        Debug.Assert(nf > after.NFreePools);
    }

    private void UnlinkUsableArena(int ai)
    {
        ref ArenaObject ao = ref _arenas[ai];
        if (ao.PrevArena >= 0)
        {
            _arenas[ao.PrevArena].NextArena = ao.NextArena;
        }
        else
        {
            Debug.Assert(_usableArenas == ai);
            _usableArenas = ao.NextArena;
        }
        if (ao.NextArena >= 0)
        {
            _arenas[ao.NextArena].PrevArena = ao.PrevArena;
        }
    }

    // Maps a new arena into a free slot (growing the slot vector by doubling). Returns the
    // slot, or -1 when the heap limit forbids it or the system refuses; nothing changes then.
    private int NewArena()
    {
        if (BytesMapped > HeapLimit - (long)_arenaSize)
        {
            return -1;
        }
        if (_unusedArenaObjects < 0)
        {
            // Growing invalidates nothing: every link is an index. (obmalloc's realloc of its
            // vector relies instead on no pointer into it being live at this point.)
            int old = _arenas.Length;
            int grown = old == 0 ? InitialArenaObjects : old * 2;
            Array.Resize(ref _arenas, grown);
            for (int i = old; i < grown; i++)
            {
                _arenas[i].Address = null;
                _arenas[i].NextArena = i + 1 < grown ? i + 1 : -1;
            }
            _unusedArenaObjects = old;
        }

        byte* address = (byte*)_source.Map(_arenaSize, _arenaSize);
        if (address == null)
        {
            return -1;
        }
        if (((nuint)address & _arenaMask) != 0)
        {
            _source.Unmap(address, _arenaSize);
            throw new InvalidOperationException($"the arena source returned 0x{(nuint)address:X}, not aligned to {_arenaSize} bytes");
        }
        ulong* bits;
        try
        {
            bits = (ulong*)NativeMemory.AllocZeroed((nuint)(2 * _bitmapWords), sizeof(ulong));
        }
        catch (OutOfMemoryException)
        {
            _source.Unmap(address, _arenaSize);
            return -1;
        }

        int ai = _unusedArenaObjects;
        ref ArenaObject ao = ref _arenas[ai];
        _unusedArenaObjects = ao.NextArena;
        ao.Address = address;
        ao.PoolAddress = address;   // the arena is pool-aligned: no pool lost to alignment
        ao.NFreePools = _poolsPerArena;
        ao.NTotalPools = _poolsPerArena;
        ao.FreePools = null;
        ao.NextArena = -1;
        ao.PrevArena = -1;
        ao.ObjectBits = bits;
        _arenaIndexByBase.Add((nint)address, ai);

        _arenasAllocatedTotal++;
        _arenasCurrent++;
        if (_arenasCurrent > _arenasHighWater)
        {
            _arenasHighWater = _arenasCurrent;
        }
        return ai;
    }

    // Returns a wholly empty arena (already out of usable_arenas) to the system and its slot
    // to the unused list.
    private void ReleaseArena(int ai)
    {
        UnmapArena(ai);
        _arenas[ai].NextArena = _unusedArenaObjects;
        _unusedArenaObjects = ai;
        _arenasCurrent--;
    }

    private void UnmapArena(int ai)
    {
        ref ArenaObject ao = ref _arenas[ai];
        _arenaIndexByBase.Remove((nint)ao.Address);
        _source.Unmap(ao.Address, _arenaSize);
        NativeMemory.Free(ao.ObjectBits);
        ao.Address = null;
        ao.PoolAddress = null;
        ao.FreePools = null;
        ao.ObjectBits = null;
    }

    // Object bits: bit i of an arena's bitmap stands for address base + i * Alignment. The
    // object address lies inside its block (Allocate checks GC objects are larger than their
    // header), so inside the block's arena. Word k of the object bits is followed by word k of
    // the GC bits (see ArenaObject.ObjectBits), so that marking or unmarking an object touches
    // one cache line, not one in each half of the bitmap.
    private void SetObjectBit(byte* block, byte* obj, bool gc)
    {
        ulong* bits = _arenas[PoolOf(block)->ArenaIndex].ObjectBits;
        nuint index = ((nuint)obj & _arenaMask) >> _alignmentShift;
        ulong mask = 1UL << (int)(index & 63);
        ulong* pair = bits + (2 * (index >> 6));
        pair[0] |= mask;
        if (gc)
        {
            pair[1] |= mask;
        }
    }

    private void ClearObjectBit(byte* block, byte* obj)
    {
        ulong* bits = _arenas[PoolOf(block)->ArenaIndex].ObjectBits;
        nuint index = ((nuint)obj & _arenaMask) >> _alignmentShift;
        ulong mask = ~(1UL << (int)(index & 63));
        ulong* pair = bits + (2 * (index >> 6));
        pair[0] &= mask;
        pair[1] &= mask;
    }
}
