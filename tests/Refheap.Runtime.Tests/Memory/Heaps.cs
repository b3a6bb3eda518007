using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>Shorthands shared by the allocator tests.</summary>
internal static unsafe class Heaps
{
    public const long NoLimit = 1L << 40;

    public static AllocatorLayout Layout(string profile) => profile switch
    {
        "py27" => AllocatorLayout.Py27,
        "py312" => AllocatorLayout.Py312,
        // Four pools per arena: arenas come and go every few operations.
        "tiny" => new AllocatorLayout(16 * 1024, 4 * 1024, 8, 256, KeepOneEmptyArena: false),
        "tiny-keep" => new AllocatorLayout(16 * 1024, 4 * 1024, 16, 512, KeepOneEmptyArena: true),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    public static HeapAllocator Create(string profile, bool debug = false, long limit = NoLimit, IArenaSource? source = null) =>
        new(Layout(profile), debug, limit, source);

    /// <summary>Blocks of one size class in one pool (CPython's NUMBLOCKS).</summary>
    public static int BlocksPerPool(HeapAllocator heap, int blockSize) =>
        (heap.Layout.PoolSize - heap.PoolOverhead) / blockSize;

    public static SizeClassStats ClassOf(HeapAllocator heap, int blockSize) =>
        heap.GetStats().SizeClasses[(blockSize / heap.Layout.Alignment) - 1];

    public static nint PoolOf(HeapAllocator heap, void* p) => (nint)((nuint)p & ~(nuint)(heap.Layout.PoolSize - 1));

    public static nint ArenaOf(HeapAllocator heap, void* p) => (nint)((nuint)p & ~(nuint)(heap.Layout.ArenaSize - 1));

    /// <summary>Allocates <paramref name="count"/> buffers of <paramref name="size"/> bytes.</summary>
    public static List<nint> AllocateMany(HeapAllocator heap, int count, int size, BlockKind kind = BlockKind.Buffer)
    {
        var blocks = new List<nint>(count);
        for (int i = 0; i < count; i++)
        {
            void* p = heap.Allocate((nuint)size, kind);
            Assert.True(p != null, $"allocation {i} of {size} bytes failed");
            blocks.Add((nint)p);
        }
        return blocks;
    }

    public static void FreeAll(HeapAllocator heap, IEnumerable<nint> blocks, int size, BlockKind kind = BlockKind.Buffer)
    {
        foreach (nint p in blocks)
        {
            heap.Free((void*)p, (nuint)size, kind);
        }
    }
}
