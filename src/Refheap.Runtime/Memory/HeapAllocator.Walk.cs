using System.Numerics;

namespace Refheap.Memory;

/*
 * Looking at the heap without changing it: statistics (sys._debugmallocstats), the object
 * walk (the side bitmaps plus the large-block list), and a validator of the list invariants
 * for tests.
 */
internal sealed unsafe partial class HeapAllocator
{
    /// <summary>
    /// Counts pools and blocks per size class and the arenas, as <c>sys._debugmallocstats()</c>
    /// does: by marching over every carved pool of every mapped arena (full pools are in no list).
    /// </summary>
    public MemoryStats GetStats()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pools = new long[_sizeClassCount];
        var blocks = new long[_sizeClassCount];
        var free = new long[_sizeClassCount];
        long freePools = 0;
        for (int ai = 0; ai < _arenas.Length; ai++)
        {
            ref ArenaObject ao = ref _arenas[ai];
            if (ao.Address == null)
            {
                continue;
            }
            freePools += ao.NFreePools;
            for (byte* p = ao.Address; p < ao.PoolAddress; p += _poolSize)
            {
                var pool = (PoolHeader*)p;
                if (pool->Count == 0)
                {
                    continue;
                }
                uint c = pool->SizeIndex;
                pools[c]++;
                blocks[c] += pool->Count;
                free[c] += BlocksPerPool(c) - pool->Count;
            }
        }

        var classes = new SizeClassStats[_sizeClassCount];
        for (int c = 0; c < _sizeClassCount; c++)
        {
            classes[c] = new SizeClassStats
            {
                SizeClass = c,
                BlockSize = (int)BlockSizeOf((uint)c),
                PoolsInUse = pools[c],
                BlocksInUse = blocks[c],
                FreeBlocks = free[c],
            };
        }
        return new MemoryStats
        {
            ArenaSize = Layout.ArenaSize,
            PoolSize = Layout.PoolSize,
            Alignment = Layout.Alignment,
            SmallRequestLimit = Layout.SmallRequestLimit,
            PoolHeaderSize = (int)_poolOverhead,
            DebugMode = DebugMode,
            SizeClasses = classes,
            ArenasAllocatedTotal = _arenasAllocatedTotal,
            ArenasReclaimedTotal = _arenasAllocatedTotal - _arenasCurrent,
            ArenasHighWater = _arenasHighWater,
            ArenasInUse = _arenasCurrent,
            FreePools = freePools,
            LargeBlocks = _largeCount,
            LargeBytes = _largeBytes,
            BytesInUse = _bytesInUse,
            BytesMapped = BytesMapped,
        };
    }

    /// <summary>
    /// Visits every live object (<see cref="BlockKind.Object"/> or <see cref="BlockKind.GcObject"/>),
    /// small or large, passing its object address (for a GC object, the block plus
    /// <see cref="GcHeaderSize"/>) and its kind. Buffers are not visited. Small objects come
    /// in address order within each arena, then the large ones.
    /// </summary>
    /// <exception cref="InvalidOperationException">The walker allocated or freed through this allocator.</exception>
    public void WalkObjects<TWalker>(ref TWalker walker)
        where TWalker : struct, IObjectWalker
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        uint mutations = _mutations;
        for (int ai = 0; ai < _arenas.Length; ai++)
        {
            byte* arenaBase = _arenas[ai].Address;
            if (arenaBase == null)
            {
                continue;
            }
            ulong* bits = _arenas[ai].ObjectBits;
            for (int w = 0; w < _bitmapWords; w++)
            {
                // Word w of the object bits, then word w of the GC bits (ArenaObject.ObjectBits).
                ulong word = bits[2 * w];
                while (word != 0)
                {
                    int bit = BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    nuint index = ((nuint)w << 6) | (nuint)bit;
                    BlockKind kind = (bits[(2 * w) + 1] & (1UL << bit)) != 0 ? BlockKind.GcObject : BlockKind.Object;
                    walker.Visit((nint)(arenaBase + (index << _alignmentShift)), kind);
                    if (_mutations != mutations)
                    {
                        ThrowHeapChangedDuringWalk();
                    }
                }
            }
        }
        for (LargeBlockHeader* h = _largeHead; h != null; h = h->Next)
        {
            if (h->Kind == BlockKind.Buffer)
            {
                continue;
            }
            byte* user = (byte*)(h + 1) + (DebugMode ? DebugHeaderSize : 0);
            walker.Visit((nint)ObjectAddress(user, h->Kind), h->Kind);
            if (_mutations != mutations)
            {
                ThrowHeapChangedDuringWalk();
            }
        }
    }

    /// <summary>
    /// Checks the allocator's list invariants (usable_arenas sorted and its search fingers
    /// right, usedpools holding only used pools of their class, counts adding up) and throws
    /// <see cref="InvalidOperationException"/> naming the first one broken. For tests: it
    /// walks every pool.
    /// </summary>
    internal void ValidateInvariants()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // usable_arenas: mapped, with free pools, ascending by free pools, links consistent,
        // and _nfp2lasta[n] the last one with n.
        var lastWith = new int[_poolsPerArena + 1];
        Array.Fill(lastWith, -1);
        int usableCount = 0;
        int prev = -1;
        for (int ai = _usableArenas; ai >= 0; ai = _arenas[ai].NextArena)
        {
            ref ArenaObject ao = ref _arenas[ai];
            Require(ao.Address != null, "an arena in usable_arenas is not mapped");
            Require(ao.NFreePools > 0, "an arena in usable_arenas has no free pool");
            Require(ao.PrevArena == prev, "usable_arenas back link broken");
            Require(prev < 0 || _arenas[prev].NFreePools <= ao.NFreePools, "usable_arenas not sorted by free pools");
            lastWith[ao.NFreePools] = ai;
            prev = ai;
            Require(++usableCount <= _arenas.Length, "usable_arenas has a cycle");
        }
        for (int n = 0; n <= _poolsPerArena; n++)
        {
            Require(_nfp2lasta[n] == lastWith[n], $"nfp2lasta[{n}] is {_nfp2lasta[n]}, the last arena with {n} free pools is {lastWith[n]}");
        }

        int mapped = 0, withFreePools = 0, whollyEmpty = 0;
        for (int ai = 0; ai < _arenas.Length; ai++)
        {
            ref ArenaObject ao = ref _arenas[ai];
            if (ao.Address == null)
            {
                continue;
            }
            mapped++;
            if (ao.NFreePools > 0)
            {
                withFreePools++;
            }
            if (ao.NFreePools == ao.NTotalPools)
            {
                whollyEmpty++;
            }
            int carved = (int)((nuint)(ao.PoolAddress - ao.Address) / _poolSize);
            int emptyCarved = 0;
            for (PoolHeader* p = ao.FreePools; p != null; p = p->NextPool)
            {
                Require(p->Count == 0, "a pool on an arena's free list has live blocks");
                Require(++emptyCarved <= carved, "an arena's free-pool list is too long");
            }
            Require(ao.NFreePools == emptyCarved + (ao.NTotalPools - carved), "an arena's free-pool count is wrong");
        }
        Require(mapped == _arenasCurrent, "the count of mapped arenas is wrong");
        Require(withFreePools == usableCount, "an arena with free pools is missing from usable_arenas");
        Require(whollyEmpty <= (_keepOneEmptyArena ? 1 : 0), "too many wholly empty arenas are mapped");

        for (int c = 0; c < _sizeClassCount; c++)
        {
            PoolHeader* head = &_usedPools[c];
            int n = 0;
            for (PoolHeader* p = head->NextPool; p != head; p = p->NextPool)
            {
                Require(p->PrevPool->NextPool == p, "usedpools back link broken");
                Require(p->SizeIndex == (uint)c, "a pool in usedpools serves another class");
                Require(p->Count > 0 && p->FreeBlock != null, "a pool in usedpools is not in the used state");
                Require(++n <= _arenas.Length * _poolsPerArena, "usedpools has a cycle");
            }
        }

        long largeCount = 0;
        for (LargeBlockHeader* h = _largeHead; h != null; h = h->Next)
        {
            Require(h->Next == null || h->Next->Prev == h, "large-block back link broken");
            largeCount++;
        }
        Require(largeCount == _largeCount, "the count of large blocks is wrong");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("allocator invariant broken: " + what);
        }
    }

    private static void ThrowHeapChangedDuringWalk() =>
        throw new InvalidOperationException("the heap was changed during WalkObjects: a walker must not allocate or free");
}
