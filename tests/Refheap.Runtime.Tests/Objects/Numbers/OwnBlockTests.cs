using Refheap.Objects;
using Refheap.Objects.Native.Int;

namespace Refheap.RuntimeTests.Objects.Numbers;

/// <summary>
/// py27's ints and floats live in blocks of their own (2.7's intobject.c / floatobject.c):
/// freed objects are reused only by their type, and a block goes back to the allocator only
/// when it is wholly free and a full collection runs the clearer — the talk's leak #2.
/// </summary>
public sealed unsafe class OwnBlockTests
{
    [Fact]
    public void BlocksHoldFortyOneObjectsOfTwentyFourBytes()
    {
        // 2.7: BLOCK_SIZE 1000, BHEAD_SIZE 8, sizeof(PyIntObject) == sizeof(PyFloatObject) == 24.
        Assert.Equal(41, OwnBlocks.ObjectsPerBlock);
        Assert.Equal(992, OwnBlocks.BlockBytes);
    }

    [Fact]
    public void FreedIntIsReusedByTheNextInt()
    {
        using var h = new NumberHeap("py27");
        var a = h.Heap.NewInt(1000);
        var address = a.Address;
        a.DecRef();
        var b = h.Heap.NewInt(2000);
        Assert.Equal(address, b.Address);
        b.DecRef();
        h.AssertBackToStart();
    }

    [Fact]
    public void FreedIntIsNotReusedByAFloatNorAFloatByAnInt()
    {
        using var h = new NumberHeap("py27");
        var i = h.Heap.NewInt(1000);
        var intAddress = i.Address;
        i.DecRef();
        var f = h.Heap.NewFloat(1.5);
        var floatAddress = f.Address;
        Assert.NotEqual(intAddress, floatAddress);
        f.DecRef();

        var i2 = h.Heap.NewInt(7000);
        Assert.Equal(intAddress, i2.Address);
        var f2 = h.Heap.NewFloat(2.5);
        Assert.Equal(floatAddress, f2.Address);
        i2.DecRef();
        f2.DecRef();
        h.AssertBackToStart();
    }

    [Fact]
    public void FreedIntsKeepTheirBlocksUntilAFullCollectionClearsWhollyFreeOnes()
    {
        using var h = new NumberHeap("py27");
        var blocks = h.Heap.Types.Int.Blocks!;
        var startBlocks = blocks.BlockCount;
        var startBytes = h.Heap.Allocator.BytesInUse;

        // Enough ints for 25 more blocks.
        var ints = new List<PyRef>();
        for (var i = 0; i < 25 * OwnBlocks.ObjectsPerBlock; i++)
        {
            ints.Add(h.Heap.NewInt(1_000_000 + i));
        }

        var grownBlocks = blocks.BlockCount;
        var grownBytes = h.Heap.Allocator.BytesInUse;
        Assert.True(grownBlocks >= startBlocks + 24);
        Assert.True(grownBytes >= startBytes + (24 * OwnBlocks.BlockBytes));

        // All but the last int freed: nothing goes back (2.7 keeps them as free ints).
        var survivor = ints[^1];
        foreach (var r in ints.Take(ints.Count - 1))
        {
            r.DecRef();
        }

        Assert.Equal(grownBlocks, blocks.BlockCount);
        Assert.Equal(grownBytes, h.Heap.Allocator.BytesInUse);

        // The clearer returns the wholly free blocks; the survivor's block stays.
        h.Heap.FreeLists.ClearAll();
        Assert.Equal(startBlocks + 1, blocks.BlockCount);
        Assert.Equal(startBytes + OwnBlocks.BlockBytes, h.Heap.Allocator.BytesInUse);
        Assert.Equal(1_000_000 + ints.Count - 1, h.Heap.TryAsLong(survivor.Ptr, out var v) ? v : -1);

        survivor.DecRef();
        h.Heap.FreeLists.ClearAll();
        Assert.Equal(startBlocks, blocks.BlockCount);
        Assert.Equal(startBytes, h.Heap.Allocator.BytesInUse);
        h.AssertBackToStart();
    }

    [Fact]
    public void FreedFloatsKeepTheirBlocksUntilTheClearerRuns()
    {
        using var h = new NumberHeap("py27");
        var blocks = h.Heap.Types.Float.Blocks!;
        Assert.Equal(0, blocks.BlockCount);
        var startBytes = h.Heap.Allocator.BytesInUse;
        var floats = Enumerable.Range(0, 10 * OwnBlocks.ObjectsPerBlock).Select(i => h.Heap.NewFloat(i + 0.5)).ToList();
        Assert.Equal(10, blocks.BlockCount);
        foreach (var f in floats)
        {
            f.DecRef();
        }

        Assert.Equal(10, blocks.BlockCount);
        Assert.Equal(10 * OwnBlocks.ObjectsPerBlock, blocks.FreeCount);
        Assert.True(h.Heap.Allocator.BytesInUse > startBytes);
        h.Heap.FreeLists.ClearAll();
        Assert.Equal(0, blocks.BlockCount);
        Assert.Equal(startBytes, h.Heap.Allocator.BytesInUse);
        h.AssertBackToStart();
    }

    [Fact]
    public void ClearingKeepsFreeSlotsOfSurvivingBlocksForReuse()
    {
        using var h = new NumberHeap("py27");
        var blocks = h.Heap.Types.Float.Blocks!;
        var a = h.Heap.NewFloat(1.0);
        var b = h.Heap.NewFloat(2.0);
        var address = b.Address;
        b.DecRef();
        h.Heap.FreeLists.ClearAll();
        Assert.Equal(1, blocks.BlockCount);
        Assert.Equal(1, blocks.LiveCount);

        // The rebuilt free list still serves from the surviving block.
        var c = h.Heap.NewFloat(3.0);
        Assert.True(blocks.Contains(c.Address));
        Assert.True(blocks.Contains(address));
        Assert.Equal(1, blocks.BlockCount);
        a.DecRef();
        c.DecRef();
        h.AssertBackToStart();
    }

    [Fact]
    public void WalkObjectsVisitsLiveIntsAndFloatsInsideTheBlocks()
    {
        using var h = new NumberHeap("py27");
        var live = h.Int(123456);
        var dead = h.Heap.NewInt(654321);
        var deadAddress = dead.Address;
        dead.DecRef();
        var f = h.Float(0.25);

        var ints = new HashSet<nint>();
        h.Heap.Types.Int.WalkObjects(a => ints.Add(a));
        Assert.Contains(live.Address, ints);
        Assert.DoesNotContain(deadAddress, ints);

        // The small ints live in the blocks too; the census leaves them out with IsCached.
        var cached = ints.Count(a => h.Heap.Types.Int.IsCached((PyObject*)a));
        Assert.Equal(h.Heap.Types.Int.CachedCount, cached);
        Assert.Equal(cached + 1, ints.Count);

        var floats = new List<nint>();
        h.Heap.Types.Float.WalkObjects(floats.Add);
        Assert.Equal([f.Address], floats);
        h.AssertBackToStart();
    }

    [Fact]
    public void Py312IntsAndFloatsAreOrdinaryObjects()
    {
        using var h = new NumberHeap("py312");
        Assert.Null(h.Heap.Types.Int.Blocks);
        Assert.Null(h.Heap.Types.Float.Blocks);
        var visited = 0;
        h.Heap.Types.Int.WalkObjects(_ => visited++);
        h.Heap.Types.Float.WalkObjects(_ => visited++);
        Assert.Equal(0, visited);
        h.AssertBackToStart();
    }
}
