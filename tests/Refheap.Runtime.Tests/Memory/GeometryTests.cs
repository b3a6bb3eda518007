using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>Each profile's arenas, pools, size classes and alignment.</summary>
public sealed unsafe class GeometryTests
{
    [Theory]
    [InlineData("py27", 256 * 1024, 4 * 1024, 8, 256, 64)]
    [InlineData("py312", 1024 * 1024, 16 * 1024, 16, 512, 64)]
    public void LayoutHasTheProfileGeometry(string profile, int arena, int pool, int alignment, int limit, int poolsPerArena)
    {
        using var heap = Heaps.Create(profile);

        MemoryStats stats = heap.GetStats();
        Assert.Equal(arena, stats.ArenaSize);
        Assert.Equal(pool, stats.PoolSize);
        Assert.Equal(alignment, stats.Alignment);
        Assert.Equal(limit, stats.SmallRequestLimit);
        Assert.Equal(limit / alignment, stats.SizeClasses.Count);
        Assert.Equal(poolsPerArena, heap.Layout.PoolsPerArena);
        Assert.Equal(48, stats.PoolHeaderSize);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void EachRequestSizeGoesToTheClassOfItsRoundedUpSize(string profile)
    {
        using var heap = Heaps.Create(profile);
        int a = heap.Layout.Alignment;
        for (int size = 1; size <= heap.Layout.SmallRequestLimit; size++)
        {
            heap.Allocate((nuint)size, BlockKind.Buffer);
        }

        MemoryStats stats = heap.GetStats();
        foreach (SizeClassStats c in stats.SizeClasses)
        {
            Assert.Equal((c.SizeClass + 1) * a, c.BlockSize);
            Assert.Equal(a, c.BlocksInUse);   // sizes c*a+1 .. (c+1)*a
            Assert.Equal(1, c.PoolsInUse);
            Assert.Equal(Heaps.BlocksPerPool(heap, c.BlockSize), c.BlocksInUse + c.FreeBlocks);
        }
        Assert.Equal(heap.Layout.PoolsPerArena - stats.SizeClasses.Count, stats.FreePools);
        Assert.Equal(0, stats.LargeBlocks);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void Blocks_of_whole_cache_lines_start_on_a_line_and_a_pool_holds_as_many_as_CPythons(string profile)
    {
        using var heap = Heaps.Create(profile);
        for (int c = 0; c < heap.Layout.SizeClassCount; c++)
        {
            int blockSize = (c + 1) * heap.Layout.Alignment;
            int first = heap.FirstBlockOffset(blockSize);
            Assert.True(first == heap.PoolOverhead || (blockSize % 64 == 0 && first == 64), $"{blockSize}-byte blocks start at {first}");
            Assert.Equal((heap.Layout.PoolSize - heap.PoolOverhead) / blockSize, (heap.Layout.PoolSize - first) / blockSize);
        }

        // A 3.12 instance of two attributes and a dict object are 64-byte blocks: one line each.
        Assert.Equal(64, heap.FirstBlockOffset(64));
        void* block = heap.Allocate(64, BlockKind.GcObject);
        Assert.Equal(0, (nint)block % 64);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void BlocksOfAFreshPoolFollowEachOtherAfterThePoolHeader(string profile)
    {
        using var heap = Heaps.Create(profile);
        for (int c = 0; c < heap.Layout.SizeClassCount; c++)
        {
            int blockSize = (c + 1) * heap.Layout.Alignment;
            void* first = heap.Allocate((nuint)blockSize, BlockKind.Buffer);
            void* second = heap.Allocate((nuint)blockSize, BlockKind.Buffer);
            Assert.Equal(heap.FirstBlockOffset(blockSize), (int)((nint)first - Heaps.PoolOf(heap, first)));
            Assert.Equal(blockSize, (int)((byte*)second - (byte*)first));
        }
    }

    [Fact]
    public void Py27BlocksAreEightByteAligned()
    {
        using var heap = Heaps.Create("py27");
        List<nint> blocks = Heaps.AllocateMany(heap, 64, 8);

        Assert.All(blocks, p => Assert.Equal(0, p % 8));
        Assert.Contains(blocks, p => p % 16 == 8);   // 8, not 16: consecutive 8-byte blocks
    }

    [Theory]
    [InlineData("py27", false)]
    [InlineData("py27", true)]
    [InlineData("py312", false)]
    [InlineData("py312", true)]
    public void BlocksAreAlignedToTheLayoutAlignmentInBothModes(string profile, bool debug)
    {
        using var heap = Heaps.Create(profile, debug);
        int alignment = heap.Layout.Alignment;
        for (int size = 1; size <= 2 * heap.Layout.SmallRequestLimit; size += 7)
        {
            void* p = heap.Allocate((nuint)size, BlockKind.Buffer);
            Assert.Equal(0, (nint)p % alignment);
        }
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void LargeBlocksAreSixteenByteAligned(string profile)
    {
        using var heap = Heaps.Create(profile);
        for (int size = heap.Layout.SmallRequestLimit + 1; size < 10_000; size += 333)
        {
            void* p = heap.Allocate((nuint)size, BlockKind.Buffer);
            Assert.Equal(0, (nint)p % 16);
        }
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ArenasAreAlignedToTheirSize(string profile)
    {
        using var heap = Heaps.Create(profile);
        int perArena = heap.Layout.PoolsPerArena * Heaps.BlocksPerPool(heap, heap.Layout.SmallRequestLimit);
        List<nint> blocks = Heaps.AllocateMany(heap, (2 * perArena) + 1, heap.Layout.SmallRequestLimit);

        // The first block of each arena sits right after the first pool's header.
        foreach (nint arena in blocks.Select(p => Heaps.ArenaOf(heap, (void*)p)).Distinct())
        {
            Assert.Contains(arena + heap.FirstBlockOffset(heap.Layout.SmallRequestLimit), blocks);
        }
        Assert.Equal(3, heap.GetStats().ArenasInUse);
        Assert.Equal(3L * heap.Layout.ArenaSize, heap.BytesMapped);
    }

    [Fact]
    public void ZeroByteRequestIsServedAsOneByte()
    {
        using var heap = Heaps.Create("py27");
        void* p = heap.Allocate(0, BlockKind.Buffer);

        Assert.True(p != null);
        Assert.Equal(1, heap.BytesInUse);
        Assert.Equal(1, heap.GetStats().SizeClasses[0].BlocksInUse);
        heap.Free(p, 0, BlockKind.Buffer);
        Assert.Equal(0, heap.BytesInUse);
    }

    [Fact]
    public void LayoutsThatBreakTheTunablesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new HeapAllocator(AllocatorLayout.Py27 with { PoolSize = 3000 }, false, Heaps.NoLimit));
        Assert.Throws<ArgumentException>(() => new HeapAllocator(AllocatorLayout.Py27 with { ArenaSize = 4096 }, false, Heaps.NoLimit));
        Assert.Throws<ArgumentException>(() => new HeapAllocator(AllocatorLayout.Py27 with { Alignment = 4 }, false, Heaps.NoLimit));
        Assert.Throws<ArgumentException>(() => new HeapAllocator(AllocatorLayout.Py27 with { SmallRequestLimit = 260 }, false, Heaps.NoLimit));
        Assert.Throws<ArgumentException>(() => new HeapAllocator(AllocatorLayout.Py27 with { SmallRequestLimit = 4096 }, false, Heaps.NoLimit));
    }
}
