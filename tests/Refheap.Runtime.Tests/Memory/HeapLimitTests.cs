using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>The heap limit and a refusing OS: Allocate returns null and the heap is unchanged.</summary>
public sealed unsafe class HeapLimitTests
{
    [Fact]
    public void LargeRequestBeyondTheLimitReturnsNullAndLeavesTheStatsUnchanged()
    {
        using var heap = Heaps.Create("py27", limit: 1 << 20);
        void* small = heap.Allocate(40, BlockKind.Object);
        void* large = heap.Allocate(100_000, BlockKind.Buffer);
        MemoryStats before = heap.GetStats();

        Assert.True(heap.Allocate(1 << 20, BlockKind.Buffer) == null);
        long tenGigaSlots = 8L * 10_000_000_000;   // [None] * 10**10
        Assert.True(heap.Allocate((nuint)tenGigaSlots, BlockKind.Buffer) == null);
        Assert.True(heap.Allocate(nuint.MaxValue, BlockKind.Buffer) == null);

        Assert.Equal(before, heap.GetStats());
        heap.Free(small, 40, BlockKind.Object);
        heap.Free(large, 100_000, BlockKind.Buffer);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void SmallRequestNeedingAnArenaBeyondTheLimitReturnsNullAndLeavesTheStatsUnchanged(string profile)
    {
        AllocatorLayout layout = Heaps.Layout(profile);
        using var heap = Heaps.Create(profile, limit: layout.ArenaSize);
        int size = layout.SmallRequestLimit;
        int perArena = layout.PoolsPerArena * Heaps.BlocksPerPool(heap, size);
        List<nint> blocks = Heaps.AllocateMany(heap, perArena, size);   // exactly one full arena
        MemoryStats before = heap.GetStats();

        Assert.True(heap.Allocate((nuint)size, BlockKind.Buffer) == null);
        Assert.True(heap.Allocate(8, BlockKind.Buffer) == null);   // another class: needs a new pool too

        Assert.Equal(before, heap.GetStats());
        heap.ValidateInvariants();

        // Freeing makes room again.
        heap.Free((void*)blocks[0], (nuint)size, BlockKind.Buffer);
        Assert.True(heap.Allocate((nuint)size, BlockKind.Buffer) != null);
    }

    [Fact]
    public void LimitCountsLargeBlocksToo()
    {
        AllocatorLayout layout = AllocatorLayout.Py27;
        using var heap = Heaps.Create("py27", limit: layout.ArenaSize + 10_000);
        Assert.True(heap.Allocate(8, BlockKind.Buffer) != null);   // maps the one arena

        Assert.True(heap.Allocate(9_000, BlockKind.Buffer) != null);
        Assert.True(heap.Allocate(9_000, BlockKind.Buffer) == null);
        Assert.True(heap.BytesMapped <= heap.HeapLimit);
    }

    [Fact]
    public void RefusedArenaMappingReturnsNullAndLeavesTheStatsUnchanged()
    {
        var source = new TestArenaSource();
        using var heap = Heaps.Create("py312", source: source);
        void* first = heap.Allocate(100, BlockKind.Object);
        Heaps.AllocateMany(heap, (heap.Layout.PoolsPerArena - 1) * Heaps.BlocksPerPool(heap, 512), 512);   // fills the other pools
        source.Refuse = true;
        MemoryStats before = heap.GetStats();
        Assert.Equal(0, before.FreePools);

        Assert.True(heap.Allocate(8, BlockKind.Buffer) == null);   // class 0 needs a new pool

        Assert.Equal(before, heap.GetStats());
        source.Refuse = false;
        Assert.True(heap.Allocate(8, BlockKind.Buffer) != null);
        heap.Free(first, 100, BlockKind.Object);
    }

    [Fact]
    public void FailedReallocateLeavesTheOldBlockIntact()
    {
        using var heap = Heaps.Create("py27", limit: 300_000);
        byte* p = (byte*)heap.Allocate(200, BlockKind.Buffer);
        new Span<byte>(p, 200).Fill(0x42);
        MemoryStats before = heap.GetStats();

        Assert.True(heap.Reallocate(p, 200, 1_000_000) == null);

        Assert.Equal(before, heap.GetStats());
        Assert.False(new Span<byte>(p, 200).ContainsAnyExcept((byte)0x42));
        heap.Free(p, 200, BlockKind.Buffer);
    }
}
