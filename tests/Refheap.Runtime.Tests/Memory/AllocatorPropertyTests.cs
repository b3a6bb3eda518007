using CsCheck;
using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>
/// Random sequences of allocate / free / reallocate, checked against a model of the live blocks.
/// </summary>
/// <remarks>
/// Seeded by CsCheck; a failure prints the seed to replay (<c>CsCheck_Seed=...</c>). Run longer
/// with e.g. <c>CsCheck_Iter=5000 dotnet test --filter FullyQualifiedName~AllocatorPropertyTests</c>.
/// The "tiny" layouts (four pools per arena) make arenas come and go every few operations.
/// </remarks>
public sealed unsafe class AllocatorPropertyTests
{
    private static readonly BlockKind[] s_kinds = [BlockKind.Buffer, BlockKind.Object, BlockKind.GcObject];

    [Theory]
    [InlineData("py27", false)]
    [InlineData("py27", true)]
    [InlineData("py312", false)]
    [InlineData("py312", true)]
    [InlineData("tiny", false)]
    [InlineData("tiny", true)]
    [InlineData("tiny-keep", true)]
    public void RandomOperationsNeverCorruptBlocksAndFreeingEverythingEmptiesTheHeap(string profile, bool debug)
    {
        int limit = Heaps.Layout(profile).SmallRequestLimit;
        Gen<(int Op, int Size, int Kind, int Pick)[]> operations =
            Gen.Select(Gen.Int[0, 99], Gen.Int[0, 2 * limit], Gen.Int[0, 2], Gen.Int[0, 1 << 20]).Array[0, 600];

        // Iterations: CsCheck's default (100), or CsCheck_Iter from the environment.
        operations.Sample(ops => Run(profile, debug, ops));
    }

    private static void Run(string profile, bool debug, (int Op, int Size, int Kind, int Pick)[] ops)
    {
        using var heap = Heaps.Create(profile, debug);
        var live = new List<Block>();
        byte pattern = 0;

        void Allocate(int size, BlockKind kind)
        {
            byte* p = (byte*)heap.Allocate((nuint)size, kind);
            Assert.True(p != null);
            var block = new Block((nint)p, Math.Max(size, 1), kind, ++pattern);
            block.Write();
            live.Add(block);
        }

        void FreeAt(int index)
        {
            Block block = live[index];
            block.Verify();
            heap.Free((void*)block.Address, (nuint)block.Size, block.Kind);
            live[index] = live[^1];
            live.RemoveAt(live.Count - 1);
        }

        for (int i = 0; i < ops.Length; i++)
        {
            (int op, int size, int kindIndex, int pick) = ops[i];
            BlockKind kind = s_kinds[kindIndex];
            if (kind == BlockKind.GcObject && size <= HeapAllocator.GcHeaderSize)
            {
                size += HeapAllocator.GcHeaderSize + 1;
            }

            if (op < 50 || live.Count == 0)
            {
                Allocate(size, kind);
            }
            else if (op < 85)
            {
                FreeAt(pick % live.Count);
            }
            else if (op < 93)
            {
                int index = live.FindIndex(b => b.Kind == BlockKind.Buffer);
                if (index < 0)
                {
                    continue;
                }
                Block block = live[index];
                block.Verify();
                int newSize = Math.Max(size, 1);
                byte* p = (byte*)heap.Reallocate((void*)block.Address, (nuint)block.Size, (nuint)newSize);
                Assert.True(p != null);
                var moved = new Block((nint)p, newSize, BlockKind.Buffer, block.Pattern);
                moved.Verify(Math.Min(block.Size, newSize));
                moved = moved with { Pattern = ++pattern };
                moved.Write();
                live[index] = moved;
            }
            else if (op < 97)
            {
                // A burst of one size: fills pools and maps new arenas.
                for (int n = pick % 64; n >= 0; n--)
                {
                    Allocate(size, kind);
                }
            }
            else
            {
                for (int n = pick % 64; n >= 0 && live.Count > 0; n--)
                {
                    FreeAt((pick + n) % live.Count);
                }
            }

            Assert.Equal(live.Sum(b => (long)b.Size), heap.BytesInUse);
            if (i % 64 == 0)
            {
                heap.ValidateInvariants();
            }
        }

        // Every block still holds its pattern, and the walk finds exactly the live objects.
        foreach (Block block in live)
        {
            block.Verify();
            heap.VerifyBlock((void*)block.Address, (nuint)block.Size);
        }
        var walker = new CollectingWalker();
        heap.WalkObjects(ref walker);
        Assert.Equal(
            live.Where(b => b.Kind != BlockKind.Buffer)
                .Select(b => (b.Kind == BlockKind.GcObject ? b.Address + HeapAllocator.GcHeaderSize : b.Address, b.Kind))
                .ToHashSet(),
            walker.Seen.ToHashSet());
        heap.ValidateInvariants();

        foreach (Block block in live)
        {
            heap.Free((void*)block.Address, (nuint)block.Size, block.Kind);
        }

        MemoryStats stats = heap.GetStats();
        Assert.Equal(0, heap.BytesInUse);
        Assert.All(stats.SizeClasses, c => Assert.Equal(0, c.BlocksInUse));
        Assert.Equal(0, stats.LargeBlocks);
        Assert.Equal(0, stats.LargeBytes);
        Assert.True(stats.ArenasInUse <= (heap.Layout.KeepOneEmptyArena ? 1 : 0));
        Assert.Equal(stats.ArenasInUse * heap.Layout.ArenaSize, heap.BytesMapped);
        heap.ValidateInvariants();
    }

    private readonly record struct Block(nint Address, int Size, BlockKind Kind, byte Pattern)
    {
        public void Write() => new Span<byte>((void*)Address, Size).Fill(Pattern);

        public void Verify() => Verify(Size);

        public void Verify(int length)
        {
            int bad = new ReadOnlySpan<byte>((void*)Address, length).IndexOfAnyExcept(Pattern);
            Assert.True(bad < 0, $"{Kind} block 0x{Address:X} of {Size} bytes: byte {bad} was overwritten");
        }
    }
}
