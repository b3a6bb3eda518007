using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>The py27 arena source that keeps a few returned arenas for reuse, as 2.7's malloc does.</summary>
public sealed unsafe class ReusingArenaSourceTests
{
    private const nuint ArenaSize = 256 * 1024;

    [Fact]
    public void ReturnedArenasAreKeptUpToTheCapacityAndHandedOutZeroed()
    {
        var system = new TestArenaSource();
        using (var source = new ReusingArenaSource(system, capacity: 2))
        {
            var arenas = Enumerable.Range(0, 3).Select(_ => (nint)source.Map(ArenaSize, ArenaSize)).ToArray();
            Assert.Equal(3, system.Maps);
            ((byte*)arenas[2])[100] = 0xAB;

            foreach (var a in arenas)
            {
                source.Unmap((void*)a, ArenaSize);
            }

            Assert.Equal(1, system.Unmaps); // two kept, the third goes back
            var again = (byte*)source.Map(ArenaSize, ArenaSize);
            Assert.Equal(3, system.Maps);   // reused, not mapped
            Assert.Equal(0, again[100]);     // zeroed as a fresh mapping is
            source.Unmap(again, ArenaSize);
        }

        Assert.Equal(0, system.Live); // disposing unmaps what was kept
    }

    [Fact]
    public void Py27HeapReclaimsArenasInItsCountsWhileTheSystemKeepsSomeMapped()
    {
        using var heap = new HeapAllocator(AllocatorLayout.Py27, debug: false, heapLimit: 1L << 30);
        var blocks = new List<nint>();
        for (var i = 0; i < 5000; i++)
        {
            blocks.Add((nint)heap.Allocate(256, BlockKind.Object));
        }

        foreach (var b in blocks)
        {
            heap.Free((byte*)b, 256, BlockKind.Object);
        }

        var stats = heap.GetStats();
        Assert.Equal(stats.ArenasAllocatedTotal, stats.ArenasReclaimedTotal);
        Assert.Equal(0, stats.ArenasInUse);
    }
}
