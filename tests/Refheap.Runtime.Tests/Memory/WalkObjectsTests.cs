using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>WalkObjects visits exactly the live objects, at their object addresses, and no buffer.</summary>
public sealed unsafe class WalkObjectsTests
{
    [Theory]
    [InlineData("py27", false)]
    [InlineData("py27", true)]
    [InlineData("py312", false)]
    [InlineData("py312", true)]
    public void WalkVisitsExactlyTheLiveObjectsAndNoBuffers(string profile, bool debug)
    {
        using var heap = Heaps.Create(profile, debug);
        var expected = new HashSet<(nint, BlockKind)>();
        var blocks = new List<(nint Block, nuint Size, BlockKind Kind)>();
        var kinds = new[] { BlockKind.Buffer, BlockKind.Object, BlockKind.GcObject };
        int i = 0;
        foreach (int size in new[] { 17, 24, 32, 48, 64, 100, 200, 256, 400, 512, 600, 4_000, 100_000 })
        {
            for (int copy = 0; copy < 30; copy++)
            {
                BlockKind kind = kinds[i++ % 3];
                void* p = heap.Allocate((nuint)size, kind);
                blocks.Add(((nint)p, (nuint)size, kind));
            }
        }
        // Free every other block so that pools hold live and dead neighbours.
        for (int j = 0; j < blocks.Count; j++)
        {
            (nint block, nuint size, BlockKind kind) = blocks[j];
            if (j % 2 == 0)
            {
                heap.Free((void*)block, size, kind);
            }
            else if (kind != BlockKind.Buffer)
            {
                expected.Add((kind == BlockKind.GcObject ? block + HeapAllocator.GcHeaderSize : block, kind));
            }
        }

        var walker = new CollectingWalker();
        heap.WalkObjects(ref walker);

        Assert.Equal(expected.Count, walker.Seen.Count);   // no object twice
        Assert.Equal(expected, walker.Seen.ToHashSet());
    }

    [Fact]
    public void WalkOfAnEmptyHeapVisitsNothing()
    {
        using var heap = Heaps.Create("py312");
        heap.Free(heap.Allocate(40, BlockKind.Object), 40, BlockKind.Object);   // the kept arena stays mapped

        var walker = new CollectingWalker();
        heap.WalkObjects(ref walker);

        Assert.Empty(walker.Seen);
    }

    [Fact]
    public void WalkerThatFreesDuringTheWalkIsStopped()
    {
        using var heap = Heaps.Create("py27");
        heap.Allocate(32, BlockKind.Object);
        heap.Allocate(32, BlockKind.Object);
        var walker = new FreeingWalker(heap);

        Assert.Throws<InvalidOperationException>(() => heap.WalkObjects(ref walker));
    }

    private readonly struct FreeingWalker(HeapAllocator heap) : IObjectWalker
    {
        public void Visit(nint objectAddress, BlockKind kind) => heap.Free((void*)objectAddress, 32, kind);
    }
}
