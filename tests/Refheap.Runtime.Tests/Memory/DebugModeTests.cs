using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>Debug mode (PYTHONMALLOC=debug): guard bytes, fill patterns and the checks on free.</summary>
public sealed unsafe class DebugModeTests
{
    [Theory]
    [InlineData("py27", 24)]
    [InlineData("py312", 24)]
    [InlineData("py27", 5_000)]
    public void OverrunIsDetectedOnFree(string profile, int size)
    {
        using var heap = Heaps.Create(profile, debug: true);
        byte* p = (byte*)heap.Allocate((nuint)size, BlockKind.Buffer);

        p[size] = 0x41;

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Free(p, (nuint)size, BlockKind.Buffer));
        Assert.Equal(MemoryCorruptionKind.Overrun, e.Kind);
        Assert.Contains("overrun", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("py27", 24)]
    [InlineData("py312", 24)]
    [InlineData("py312", 5_000)]
    public void UnderrunIsDetectedOnFree(string profile, int size)
    {
        using var heap = Heaps.Create(profile, debug: true);
        byte* p = (byte*)heap.Allocate((nuint)size, BlockKind.Buffer);

        p[-1] = 0;

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Free(p, (nuint)size, BlockKind.Buffer));
        Assert.Equal(MemoryCorruptionKind.Underrun, e.Kind);
        Assert.Contains("underrun", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(5_000)]
    public void DoubleFreeIsDetected(int size)
    {
        using var heap = Heaps.Create("py312", debug: true);
        void* keep = heap.Allocate((nuint)size, BlockKind.Object);   // keeps the pool alive
        void* p = heap.Allocate((nuint)size, BlockKind.Object);
        heap.Free(p, (nuint)size, BlockKind.Object);

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Free(p, (nuint)size, BlockKind.Object));
        Assert.Equal(MemoryCorruptionKind.DoubleFree, e.Kind);
        Assert.Contains("double free", e.Message, StringComparison.Ordinal);
        heap.Free(keep, (nuint)size, BlockKind.Object);
    }

    [Fact]
    public void DoubleFreeIntoAnUnmappedArenaIsDetectedWithoutTouchingIt()
    {
        using var heap = Heaps.Create("py27", debug: true);
        void* p = heap.Allocate(40, BlockKind.Buffer);
        heap.Free(p, 40, BlockKind.Buffer);
        Assert.Equal(0, heap.BytesMapped);   // the arena went back to the system

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Free(p, 40, BlockKind.Buffer));
        Assert.Equal(MemoryCorruptionKind.DoubleFree, e.Kind);
    }

    [Fact]
    public void DoubleFreeOfABlockWhosePoolWentEmptyIsDetected()
    {
        using var heap = Heaps.Create("py312", debug: true);
        void* other = heap.Allocate(300, BlockKind.Buffer);   // keeps the arena
        void* p = heap.Allocate(40, BlockKind.Buffer);
        heap.Free(p, 40, BlockKind.Buffer);

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Free(p, 40, BlockKind.Buffer));
        Assert.Equal(MemoryCorruptionKind.DoubleFree, e.Kind);
        heap.Free(other, 300, BlockKind.Buffer);
    }

    [Theory]
    [InlineData(24, 20)]     // same size class
    [InlineData(24, 40)]     // another size class
    [InlineData(24, 5_000)]  // freed as a large block
    [InlineData(5_000, 24)]  // a large block freed as small
    [InlineData(5_000, 6_000)]
    public void SizeMismatchIsDetected(int allocated, int freed)
    {
        using var heap = Heaps.Create("py27", debug: true);
        void* p = heap.Allocate((nuint)allocated, BlockKind.Buffer);

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Free(p, (nuint)freed, BlockKind.Buffer));
        Assert.Equal(MemoryCorruptionKind.SizeMismatch, e.Kind);
        Assert.Contains("size mismatch", e.Message, StringComparison.Ordinal);
        heap.Free(p, (nuint)allocated, BlockKind.Buffer);   // the failed free changed nothing
        Assert.Equal(0, heap.BytesInUse);
    }

    [Fact]
    public void KindMismatchIsDetected()
    {
        using var heap = Heaps.Create("py312", debug: true);
        void* p = heap.Allocate(64, BlockKind.GcObject);

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Free(p, 64, BlockKind.Buffer));
        Assert.Equal(MemoryCorruptionKind.KindMismatch, e.Kind);
    }

    [Theory]
    [InlineData("py27", 40)]
    [InlineData("py312", 200)]
    public void FreshDataIsCleanBytesAndFreedDataIsDeadBytes(string profile, int size)
    {
        using var heap = Heaps.Create(profile, debug: true);
        void* keep = heap.Allocate((nuint)size, BlockKind.Buffer);   // keeps the pool mapped
        byte* p = (byte*)heap.Allocate((nuint)size, BlockKind.Buffer);
        Assert.False(new Span<byte>(p, size).ContainsAnyExcept((byte)0xCD));
        Assert.False(new Span<byte>(p - 8, 8).ContainsAnyExcept((byte)0xFD));
        Assert.False(new Span<byte>(p + size, 8).ContainsAnyExcept((byte)0xFD));
        new Span<byte>(p, size).Fill(0x11);

        heap.Free(p, (nuint)size, BlockKind.Buffer);

        // The pool is still mapped: reading the freed block is safe here.
        Assert.False(new Span<byte>(p, size).ContainsAnyExcept((byte)0xDD));
        heap.Free(keep, (nuint)size, BlockKind.Buffer);
    }

    [Fact]
    public void ExceptionMessageNamesTheBlockItsSizeAndItsSizeClass()
    {
        using var heap = Heaps.Create("py27", debug: true);
        byte* p = (byte*)heap.Allocate(24, BlockKind.Buffer);   // 24 + 24 debug bytes: class 5, 48-byte blocks
        p[24] = 0;

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Free(p, 24, BlockKind.Buffer));

        Assert.Equal((nint)p, e.BlockAddress);
        Assert.Equal(24, e.RequestedSize);
        Assert.Equal(5, e.SizeClass);
        Assert.Contains($"0x{(ulong)(nint)p:X}", e.Message, StringComparison.Ordinal);
        Assert.Contains("requested size 24 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("size class 5 of 48-byte blocks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyBlockReportsUseAfterFree()
    {
        using var heap = Heaps.Create("py312", debug: true);
        void* keep = heap.Allocate(64, BlockKind.Buffer);
        void* p = heap.Allocate(64, BlockKind.Buffer);
        heap.VerifyBlock(p, 64);

        heap.Free(p, 64, BlockKind.Buffer);

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.VerifyBlock(p, 64));
        Assert.Equal(MemoryCorruptionKind.UseAfterFree, e.Kind);
        Assert.Contains("use after free", e.Message, StringComparison.Ordinal);
        heap.Free(keep, 64, BlockKind.Buffer);
    }

    [Fact]
    public void WriteToAFreedBlockIsReportedWhenTheBlockIsReused()
    {
        using var heap = Heaps.Create("py27", debug: true);
        void* keep = heap.Allocate(64, BlockKind.Buffer);
        byte* p = (byte*)heap.Allocate(64, BlockKind.Buffer);
        heap.Free(p, 64, BlockKind.Buffer);

        p[10] = 1;   // a stale pointer writes into the free block

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Allocate(64, BlockKind.Buffer));
        Assert.Equal(MemoryCorruptionKind.UseAfterFree, e.Kind);
        Assert.Equal((nint)p, e.BlockAddress);
        heap.Free(keep, 64, BlockKind.Buffer);
    }

    [Fact]
    public void PointerIntoTheMiddleOfABlockIsRejected()
    {
        using var heap = Heaps.Create("py27", debug: true);
        byte* p = (byte*)heap.Allocate(64, BlockKind.Buffer);

        var e = Assert.Throws<MemoryCorruptionException>(() => heap.Free(p + 16, 40, BlockKind.Buffer));
        Assert.Equal(MemoryCorruptionKind.InvalidPointer, e.Kind);
    }

    [Fact]
    public void ReleaseModeDoesNotCheck()
    {
        using var heap = Heaps.Create("py27", debug: false);
        byte* p = (byte*)heap.Allocate(24, BlockKind.Buffer);

        heap.VerifyBlock(p, 1234);   // a no-op
        heap.Free(p, 24, BlockKind.Buffer);

        Assert.Equal(0, heap.BytesInUse);
    }

    [Fact]
    public void DebugPaddingCountsInTheSizeClassAndTheBytesMapped()
    {
        using var heap = Heaps.Create("py27", debug: true);

        heap.Allocate(240, BlockKind.Buffer);   // 240 + 24 > 256: a large block in debug mode
        heap.Allocate(8, BlockKind.Buffer);     // 8 + 24 = 32: class 3

        MemoryStats stats = heap.GetStats();
        Assert.True(stats.DebugMode);
        Assert.Equal(1, stats.LargeBlocks);
        Assert.Equal(1, stats.SizeClasses[3].BlocksInUse);
        Assert.Equal(248, heap.BytesInUse);
    }
}
