using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>usable_arenas order: a new pool comes from the arena with the fewest free pools.</summary>
public sealed unsafe class ArenaOrderTests
{
    private const int Size = 256;   // py27's largest class: 15 blocks per 4 KiB pool

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NewPoolComesFromTheArenaWithTheFewestFreePools(bool fullerArenaMappedFirst)
    {
        using var heap = Heaps.Create("py27");
        int perPool = Heaps.BlocksPerPool(heap, Size);
        int perArena = heap.Layout.PoolsPerArena * perPool;
        List<nint> blocks = Heaps.AllocateMany(heap, 2 * perArena, Size);
        nint first = Heaps.ArenaOf(heap, (void*)blocks[0]);
        nint second = Heaps.ArenaOf(heap, (void*)blocks[^1]);
        Assert.NotEqual(first, second);
        Assert.Equal(0, heap.GetStats().FreePools);

        // Empty 2 pools in the fuller arena and 5 in the other.
        nint fuller = fullerArenaMappedFirst ? first : second;
        nint emptier = fullerArenaMappedFirst ? second : first;
        var live = new HashSet<nint>(blocks);
        EmptyPools(heap, live, fuller, 2);
        EmptyPools(heap, live, emptier, 5);
        Assert.Equal(7, heap.GetStats().FreePools);
        heap.ValidateInvariants();

        // A new pool of another class: from the fuller arena.
        void* small = heap.Allocate(8, BlockKind.Buffer);
        Assert.Equal(fuller, Heaps.ArenaOf(heap, small));

        // The fuller arena's last free pool, then the other arena.
        List<nint> lastPool = Heaps.AllocateMany(heap, perPool, Size);
        Assert.All(lastPool, p => Assert.Equal(fuller, Heaps.ArenaOf(heap, (void*)p)));
        void* next = heap.Allocate(Size, BlockKind.Buffer);
        Assert.Equal(emptier, Heaps.ArenaOf(heap, next));
        heap.ValidateInvariants();
    }

    [Fact]
    public void ArenaThatGainsFreePoolsMovesBehindFullerOnes()
    {
        using var heap = Heaps.Create("py27");
        int perArena = heap.Layout.PoolsPerArena * Heaps.BlocksPerPool(heap, Size);
        List<nint> blocks = Heaps.AllocateMany(heap, 3 * perArena, Size);
        nint[] arenas = blocks.Select(p => Heaps.ArenaOf(heap, (void*)p)).Distinct().ToArray();
        Assert.Equal(3, arenas.Length);
        var live = new HashSet<nint>(blocks);

        // One pool freed at a time, round robin, then more in the first arena: the list is
        // re-sorted on every free (the nfp2lasta fingers), which the validator checks.
        for (int round = 0; round < 3; round++)
        {
            foreach (nint arena in arenas)
            {
                EmptyPools(heap, live, arena, 1);
                heap.ValidateInvariants();
            }
        }
        EmptyPools(heap, live, arenas[0], 4);
        heap.ValidateInvariants();

        // arenas[1] and arenas[2] have 3 free pools, arenas[0] has 7: the next pool is not from arenas[0].
        void* p = heap.Allocate(8, BlockKind.Buffer);
        Assert.NotEqual(arenas[0], Heaps.ArenaOf(heap, p));
    }

    private static void EmptyPools(HeapAllocator heap, HashSet<nint> live, nint arena, int pools)
    {
        List<IGrouping<nint, nint>> full = live
            .Where(p => Heaps.ArenaOf(heap, (void*)p) == arena)
            .GroupBy(p => Heaps.PoolOf(heap, (void*)p))
            .OrderBy(g => g.Key)
            .Take(pools)
            .ToList();
        Assert.Equal(pools, full.Count);
        foreach (IGrouping<nint, nint> pool in full)
        {
            foreach (nint p in pool)
            {
                heap.Free((void*)p, Size, BlockKind.Buffer);
                live.Remove(p);
            }
        }
    }
}
