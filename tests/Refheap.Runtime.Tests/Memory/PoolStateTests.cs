using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>The pool states of obmalloc (used, full, empty) and when arenas go back to the system.</summary>
public sealed unsafe class PoolStateTests
{
    private const int Size = 16;

    [Fact]
    public void FirstBlockOfAClassMakesAUsedPool()
    {
        using var heap = Heaps.Create("py27");
        int perPool = Heaps.BlocksPerPool(heap, Size);

        heap.Allocate(Size, BlockKind.Buffer);

        SizeClassStats c = Heaps.ClassOf(heap, Size);
        Assert.Equal(1, c.PoolsInUse);
        Assert.Equal(1, c.BlocksInUse);
        Assert.Equal(perPool - 1, c.FreeBlocks);
        Assert.Equal(heap.Layout.PoolsPerArena - 1, heap.GetStats().FreePools);
        heap.ValidateInvariants();
    }

    [Fact]
    public void FillingAPoolMakesItFullAndTheNextBlockOpensAnotherPool()
    {
        using var heap = Heaps.Create("py27");
        int perPool = Heaps.BlocksPerPool(heap, Size);

        List<nint> blocks = Heaps.AllocateMany(heap, perPool, Size);

        Assert.Single(blocks.Select(p => Heaps.PoolOf(heap, (void*)p)).Distinct());
        SizeClassStats full = Heaps.ClassOf(heap, Size);
        Assert.Equal(1, full.PoolsInUse);
        Assert.Equal(perPool, full.BlocksInUse);
        Assert.Equal(0, full.FreeBlocks);
        heap.ValidateInvariants();

        void* next = heap.Allocate(Size, BlockKind.Buffer);
        Assert.NotEqual(Heaps.PoolOf(heap, (void*)blocks[0]), Heaps.PoolOf(heap, next));
        Assert.Equal(2, Heaps.ClassOf(heap, Size).PoolsInUse);
    }

    [Fact]
    public void FreeingABlockOfAFullPoolMakesItUsedAndItServesTheNextAllocation()
    {
        using var heap = Heaps.Create("py27");
        int perPool = Heaps.BlocksPerPool(heap, Size);
        List<nint> first = Heaps.AllocateMany(heap, perPool, Size);
        Assert.True(heap.Allocate(Size, BlockKind.Buffer) != null);   // a second pool, used
        nint victim = first[perPool / 2];

        heap.Free((void*)victim, Size, BlockKind.Buffer);

        SizeClassStats c = Heaps.ClassOf(heap, Size);
        Assert.Equal(2, c.PoolsInUse);
        Assert.Equal(1 + (perPool - 1), c.FreeBlocks);   // one in the first pool, the rest in the second
        heap.ValidateInvariants();
        // full → used links the pool at the front of usedpools: the freed block comes back first.
        Assert.Equal(victim, (nint)heap.Allocate(Size, BlockKind.Buffer));
    }

    [Fact]
    public void FreeingTheLastBlockOfAPoolMakesItEmptyAndReturnsItToItsArena()
    {
        using var heap = Heaps.Create("py27");
        int perPool = Heaps.BlocksPerPool(heap, Size);
        List<nint> first = Heaps.AllocateMany(heap, perPool, Size);
        List<nint> second = Heaps.AllocateMany(heap, 3, Size);
        long freePoolsBefore = heap.GetStats().FreePools;

        Heaps.FreeAll(heap, first, Size);

        MemoryStats stats = heap.GetStats();
        Assert.Equal(1, stats.SizeClasses[1].PoolsInUse);
        Assert.Equal(3, stats.SizeClasses[1].BlocksInUse);
        Assert.Equal(freePoolsBefore + 1, stats.FreePools);
        Assert.Equal(1, stats.ArenasInUse);
        heap.ValidateInvariants();

        // The empty pool is reused, for another size class too.
        void* other = heap.Allocate(100, BlockKind.Buffer);
        Assert.Equal(Heaps.PoolOf(heap, (void*)first[0]), Heaps.PoolOf(heap, other));
        Heaps.FreeAll(heap, second, Size);
    }

    [Fact]
    public void AWhollyEmptyArenaIsUnmapped_Py27()
    {
        var source = new TestArenaSource();
        using var heap = Heaps.Create("py27", source: source);
        int perArena = heap.Layout.PoolsPerArena * Heaps.BlocksPerPool(heap, Size);
        List<nint> blocks = Heaps.AllocateMany(heap, perArena + 1, Size);   // two arenas
        Assert.Equal(2, heap.GetStats().ArenasInUse);
        Assert.Equal(2L * heap.Layout.ArenaSize, heap.BytesMapped);

        Heaps.FreeAll(heap, blocks, Size);

        MemoryStats stats = heap.GetStats();
        Assert.Equal(0, stats.ArenasInUse);
        Assert.Equal(2, stats.ArenasReclaimedTotal);
        Assert.Equal(2, stats.ArenasHighWater);
        Assert.Equal(0, heap.BytesMapped);
        Assert.Equal(0, source.Live);
        heap.ValidateInvariants();
    }

    [Fact]
    public void OneWhollyEmptyArenaStaysMapped_Py312()
    {
        var source = new TestArenaSource();
        using var heap = Heaps.Create("py312", source: source);
        int perArena = heap.Layout.PoolsPerArena * Heaps.BlocksPerPool(heap, Size);
        List<nint> blocks = Heaps.AllocateMany(heap, perArena + 1, Size);
        Assert.Equal(2, heap.GetStats().ArenasInUse);

        Heaps.FreeAll(heap, blocks, Size);

        MemoryStats stats = heap.GetStats();
        Assert.Equal(1, stats.ArenasInUse);
        Assert.Equal(1, stats.ArenasReclaimedTotal);
        Assert.Equal(heap.Layout.ArenaSize, heap.BytesMapped);
        Assert.Equal(heap.Layout.PoolsPerArena, stats.FreePools);
        Assert.Equal(1, source.Live);
        heap.ValidateInvariants();

        // The kept arena serves the next allocation without a new mapping (bpo-37257's loop).
        for (int i = 0; i < 100; i++)
        {
            heap.Free(heap.Allocate(Size, BlockKind.Buffer), Size, BlockKind.Buffer);
        }
        Assert.Equal(2, source.Maps);
    }

    [Fact]
    public void AnArenaWithALiveBlockStaysMapped()
    {
        using var heap = Heaps.Create("py27");
        void* a = heap.Allocate(Size, BlockKind.Buffer);
        void* b = heap.Allocate(200, BlockKind.Buffer);

        heap.Free(a, Size, BlockKind.Buffer);

        Assert.Equal(1, heap.GetStats().ArenasInUse);
        heap.Free(b, 200, BlockKind.Buffer);
        Assert.Equal(0, heap.GetStats().ArenasInUse);
    }
}
