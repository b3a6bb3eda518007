using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Numbers;

/// <summary>py312 keeps up to 100 freed floats for reuse (3.12's PyFloat_MAXFREELIST) and a full collection empties the list.</summary>
public sealed unsafe class FloatFreeListTests
{
    [Fact]
    public void FreedFloatIsReusedByTheNextFloat()
    {
        using var h = new NumberHeap("py312");
        var a = h.Heap.NewFloat(1.5);
        var address = a.Address;
        a.DecRef();
        Assert.Equal(1, h.Heap.Types.Float.FreeList!.Count);
        var b = h.Heap.NewFloat(2.5);
        Assert.Equal(address, b.Address);
        Assert.Equal(1, b.RefCount);
        Assert.Equal("2.5", h.Repr(b));
        b.DecRef();
        h.AssertBackToStart();
    }

    [Fact]
    public void FreeListKeepsAtMostOneHundredFloats()
    {
        using var h = new NumberHeap("py312");
        var list = h.Heap.Types.Float.FreeList!;
        Assert.Equal(100, list.Capacity);
        var startBytes = h.Heap.Allocator.BytesInUse;
        var floats = Enumerable.Range(0, 150).Select(i => h.Heap.NewFloat(i)).ToList();
        var allocated = h.Heap.Allocator.BytesInUse - startBytes;
        foreach (var f in floats)
        {
            f.DecRef();
        }

        Assert.Equal(100, list.Count);

        // The 50 that did not fit went back; the 100 kept still count as in use.
        Assert.Equal(startBytes + (allocated * 100 / 150), h.Heap.Allocator.BytesInUse);
        h.AssertBackToStart();
    }

    [Fact]
    public void FullCollectionClearingEmptiesTheFreeList()
    {
        using var h = new NumberHeap("py312");
        var startBytes = h.Heap.Allocator.BytesInUse;
        var floats = Enumerable.Range(0, 30).Select(i => h.Heap.NewFloat(i)).ToList();
        foreach (var f in floats)
        {
            f.DecRef();
        }

        Assert.Equal(30, h.Heap.Types.Float.FreeList!.Count);
        Assert.True(h.Heap.Allocator.BytesInUse > startBytes);
        h.Heap.FreeLists.ClearAll();
        Assert.Equal(0, h.Heap.Types.Float.FreeList!.Count);
        Assert.Equal(startBytes, h.Heap.Allocator.BytesInUse);
    }

    [Fact]
    public void Py27HasNoFloatFreeListButOwnBlocks()
    {
        using var h = new NumberHeap("py27");
        Assert.Null(h.Heap.Types.Float.FreeList);
        Assert.NotNull(h.Heap.Types.Float.Blocks);
    }
}
