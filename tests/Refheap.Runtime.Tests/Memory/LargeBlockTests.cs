using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>Requests above the small-request limit, and Reallocate across the limit.</summary>
public sealed unsafe class LargeBlockTests
{
    [Theory]
    [InlineData("py27", false)]
    [InlineData("py27", true)]
    [InlineData("py312", false)]
    [InlineData("py312", true)]
    public void LargeBlocksAreAllocatedWalkedAndFreed(string profile, bool debug)
    {
        using var heap = Heaps.Create(profile, debug);
        const int size = 10_000;
        void* obj = heap.Allocate(size, BlockKind.Object);
        void* gc = heap.Allocate(size, BlockKind.GcObject);
        void* buffer = heap.Allocate(size, BlockKind.Buffer);

        MemoryStats stats = heap.GetStats();
        Assert.Equal(3, stats.LargeBlocks);
        Assert.Equal(0, stats.ArenasInUse);
        Assert.Equal(3L * size, heap.BytesInUse);
        Assert.Equal(stats.LargeBytes, heap.BytesMapped);
        Assert.True(stats.LargeBytes >= 3L * size);
        new Span<byte>(buffer, size).Fill(0x5A);   // the whole block is usable

        var walker = new CollectingWalker();
        heap.WalkObjects(ref walker);
        Assert.Equal(
            new[] { ((nint)obj, BlockKind.Object), ((nint)gc + HeapAllocator.GcHeaderSize, BlockKind.GcObject) }.Order(),
            walker.Seen.Order());

        heap.Free(obj, size, BlockKind.Object);
        heap.Free(gc, size, BlockKind.GcObject);
        heap.Free(buffer, size, BlockKind.Buffer);
        Assert.Equal(0, heap.GetStats().LargeBlocks);
        Assert.Equal(0, heap.BytesMapped);
        Assert.Equal(0, heap.BytesInUse);
        heap.ValidateInvariants();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void RequestJustAboveTheSmallLimitIsALargeBlock(string profile)
    {
        using var heap = Heaps.Create(profile);
        int limit = heap.Layout.SmallRequestLimit;

        heap.Allocate((nuint)limit, BlockKind.Buffer);
        heap.Allocate((nuint)limit + 1, BlockKind.Buffer);

        MemoryStats stats = heap.GetStats();
        Assert.Equal(1, stats.SizeClasses[^1].BlocksInUse);
        Assert.Equal(1, stats.LargeBlocks);
    }

    [Theory]
    [InlineData("py27", false)]
    [InlineData("py27", true)]
    [InlineData("py312", false)]
    [InlineData("py312", true)]
    public void ReallocateGrowsFromSmallToLargeKeepingTheContents(string profile, bool debug)
    {
        using var heap = Heaps.Create(profile, debug);
        nuint size = 24;
        byte* p = (byte*)heap.Allocate(size, BlockKind.Buffer);
        Fill(p, size);

        // Through every regime: in place, another class, large, large again (system realloc).
        foreach (nuint next in new nuint[] { 30, 100, 200, 5_000, 70_000, 300_000 })
        {
            byte* q = (byte*)heap.Reallocate(p, size, next);
            Assert.True(q != null);
            AssertFilled(q, size);
            Fill(q, next);
            p = q;
            size = next;
            Assert.Equal((long)size, heap.BytesInUse);
            heap.VerifyBlock(p, size);
        }
        Assert.Equal(1, heap.GetStats().LargeBlocks);
        heap.Free(p, size, BlockKind.Buffer);
        Assert.Equal(0, heap.GetStats().LargeBlocks);
        Assert.Equal(0, heap.BytesInUse);
    }

    [Theory]
    [InlineData("py27", false)]
    [InlineData("py27", true)]
    [InlineData("py312", false)]
    [InlineData("py312", true)]
    public void ReallocateShrinksFromLargeToSmallKeepingThePrefix(string profile, bool debug)
    {
        using var heap = Heaps.Create(profile, debug);
        nuint size = 100_000;
        byte* p = (byte*)heap.Allocate(size, BlockKind.Buffer);
        Fill(p, size);

        foreach (nuint next in new nuint[] { 50_000, 1_000, 200, 100, 90, 10, 1 })
        {
            byte* q = (byte*)heap.Reallocate(p, size, next);
            Assert.True(q != null);
            AssertFilled(q, next);
            p = q;
            size = next;
            Assert.Equal((long)size, heap.BytesInUse);
        }
        MemoryStats stats = heap.GetStats();
        Assert.Equal(0, stats.LargeBlocks);
        Assert.Equal(1, stats.SizeClasses.Sum(c => c.BlocksInUse));
        heap.Free(p, size, BlockKind.Buffer);
        heap.ValidateInvariants();
    }

    [Fact]
    public void ReallocateWithinItsSizeClassStaysInPlace()
    {
        using var heap = Heaps.Create("py27");
        void* p = heap.Allocate(60, BlockKind.Buffer);   // a 64-byte block

        Assert.Equal((nint)p, (nint)heap.Reallocate(p, 60, 64));
        Assert.Equal((nint)p, (nint)heap.Reallocate(p, 64, 49));   // shrinks by less than a quarter
        Assert.NotEqual((nint)p, (nint)heap.Reallocate(p, 49, 40)); // a quarter or more: moves
    }

    [Fact]
    public void ReallocateOfNullAllocates()
    {
        using var heap = Heaps.Create("py312");
        void* p = heap.Reallocate(null, 0, 40);

        Assert.True(p != null);
        Assert.Equal(40, heap.BytesInUse);
    }

    private static void Fill(byte* p, nuint size)
    {
        for (nuint i = 0; i < size; i++)
        {
            p[i] = (byte)(i * 7);
        }
    }

    private static void AssertFilled(byte* p, nuint size)
    {
        for (nuint i = 0; i < size; i++)
        {
            if (p[i] != (byte)(i * 7))
            {
                Assert.Fail($"byte {i} of {size} is 0x{p[i]:X2}, expected 0x{(byte)(i * 7):X2}");
            }
        }
    }
}
