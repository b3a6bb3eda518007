using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>The POSIX arena source: one mapping per arena for small heaps, huge-page chunks for large ones.</summary>
public sealed unsafe class PosixArenaSourceTests
{
    private const nuint ArenaSize = 256 * 1024;

    [Fact]
    public void ArenasPastTheChunkThresholdAreAlignedZeroedDistinctAndIndividuallyReturnable()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the Windows source maps every arena on its own
        }

        using var source = new PosixArenaSource();
        var count = (int)((PosixArenaSource.ArenasBeforeChunks + (2 * PosixArenaSource.ChunkSize)) / ArenaSize) + 3;
        var arenas = new List<nint>();
        for (var i = 0; i < count; i++)
        {
            var p = (byte*)source.Map(ArenaSize, ArenaSize);
            Assert.True(p != null);
            Assert.Equal(0u, (nuint)p % ArenaSize);
            Assert.Equal(0, p[0]);
            Assert.Equal(0, p[ArenaSize - 1]);
            p[0] = 1;
            p[ArenaSize - 1] = 2; // writable to its last byte
            arenas.Add((nint)p);
        }

        Assert.Equal(count, arenas.Distinct().Count());
        var sorted = arenas.Order().ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            Assert.True(sorted[i] - sorted[i - 1] >= (nint)ArenaSize, "arenas overlap");
        }

        // Return every other arena first: unmapping parts of a chunk leaves its neighbours usable.
        foreach (var p in arenas.Where((_, i) => i % 2 == 0))
        {
            source.Unmap((void*)p, ArenaSize);
        }

        foreach (var p in arenas.Where((_, i) => i % 2 == 1))
        {
            Assert.Equal(1, ((byte*)p)[0]);
            source.Unmap((void*)p, ArenaSize);
        }
    }

    [Fact]
    public void DisposeWithoutChunksIsHarmless()
    {
        using var source = new PosixArenaSource();
        var p = source.Map(ArenaSize, ArenaSize);
        Assert.True(p != null);
        source.Unmap(p, ArenaSize);
    }
}
