using System.Text.Json;
using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>MemoryStats: the sys._debugmallocstats() text and the JSON fields.</summary>
public sealed unsafe class MemoryStatsTests
{
    [Fact]
    public void DebugMallocStatsTextHasCPythonsLayout()
    {
        using var heap = Heaps.Create("py312");
        heap.Allocate(16, BlockKind.Object);

        string text = heap.GetStats().ToDebugMallocStatsText();

        // As CPython 3.12 prints it for the same state (one 16-byte block in one pool of one arena).
        const string expected =
            "Small block threshold = 512, in 32 size classes.\n" +
            "\n" +
            "class   size   num pools   blocks in use  avail blocks\n" +
            "-----   ----   ---------   -------------  ------------\n" +
            "    0     16           1               1          1020\n" +
            "\n" +
            "# arenas allocated total           =                    1\n" +
            "# arenas reclaimed                 =                    0\n" +
            "# arenas highwater mark            =                    1\n" +
            "# arenas allocated current         =                    1\n" +
            "1 arenas * 1048576 bytes/arena     =            1,048,576\n" +
            "\n" +
            "# bytes in allocated blocks        =                   16\n" +
            "# bytes in available blocks        =               16,320\n" +
            "63 unused pools * 16384 bytes      =            1,032,192\n" +
            "# bytes lost to pool headers       =                   48\n" +
            "# bytes lost to quantization       =                    0\n" +
            "# bytes lost to arena alignment    =                    0\n" +
            "Total                              =            1,048,576\n";
        Assert.StartsWith(expected, text, StringComparison.Ordinal);
        Assert.Contains("# bytes mapped                     =            1,048,576\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextTotalAccountsForEveryArenaByte()
    {
        using var heap = Heaps.Create("py27");
        for (int size = 1; size <= 256; size += 3)
        {
            Heaps.AllocateMany(heap, 50, size);
        }
        MemoryStats stats = heap.GetStats();

        string total = stats.ToDebugMallocStatsText().Split('\n').First(l => l.StartsWith("Total", StringComparison.Ordinal));

        Assert.EndsWith((stats.ArenasInUse * stats.ArenaSize).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture), total, StringComparison.Ordinal);
    }

    [Fact]
    public void StatsSerializeToJsonWithTheirDocumentedFields()
    {
        using var heap = Heaps.Create("py27");
        heap.Allocate(1000, BlockKind.Buffer);
        heap.Allocate(10, BlockKind.Buffer);

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(heap.GetStats()));
        JsonElement root = json.RootElement;

        Assert.Equal(1, root.GetProperty("LargeBlocks").GetInt64());
        Assert.Equal(1010, root.GetProperty("BytesInUse").GetInt64());
        Assert.Equal(heap.BytesMapped, root.GetProperty("BytesMapped").GetInt64());
        Assert.Equal(32, root.GetProperty("SizeClasses").GetArrayLength());
        Assert.Equal(1, root.GetProperty("SizeClasses")[1].GetProperty("BlocksInUse").GetInt64());
    }

    [Fact]
    public void SnapshotsWithTheSameCountsAreEqual()
    {
        using var heap = Heaps.Create("py27");
        heap.Allocate(10, BlockKind.Buffer);
        MemoryStats a = heap.GetStats();
        MemoryStats b = heap.GetStats();

        Assert.Equal(a, b);
        heap.Allocate(10, BlockKind.Buffer);
        Assert.NotEqual(a, heap.GetStats());
    }
}
