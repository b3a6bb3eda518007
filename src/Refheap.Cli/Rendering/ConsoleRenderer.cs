using System.Globalization;
using Refheap.Cli.Stats;
using Refheap.Memory;
using Spectre.Console;

namespace Refheap.Cli.Rendering;

/// <summary>
/// Tables for people: the size classes (as <c>sys._debugmallocstats()</c>), then arenas and
/// bytes, the census and the collector. Headings and column headers never depend on the
/// numbers, so tests can compare them exactly.
/// </summary>
public sealed class ConsoleRenderer(IAnsiConsole screen) : IRenderer
{
    /// <inheritdoc/>
    public void RenderStats(StatsReport report)
    {
        var demo = report.Demo;
        screen.MarkupLineInterpolated($"[bold]refheap stats[/] — profile {report.Profile} (CPython {report.PythonVersion})");
        screen.WriteLine($"Heap: {N(demo.Tasks)} Tasks × {demo.SubtasksPerTask} Subtasks, each Subtask pointing back at its Task.");
        screen.WriteLine($"Dropped {N(demo.TasksDropped)} Tasks; gc.collect() found {N(demo.UnreachableFound)} unreachable objects.");

        var memory = report.Memory;
        Heading(
            "Size classes (as sys._debugmallocstats(): classes with no pools left out)",
            $"{memory.Alignment}-byte steps up to {memory.SmallRequestLimit} bytes, {Size(memory.PoolSize)} pools, "
            + $"{Size(memory.ArenaSize)} arenas{(memory.DebugMode ? ", debug allocator" : "")}");
        screen.Write(SizeClassTable(memory));

        Heading("Arenas and bytes");
        screen.Write(KeyValueTable(
            ("arenas allocated total", N(memory.ArenasAllocatedTotal)),
            ("arenas reclaimed", N(memory.ArenasReclaimedTotal)),
            ("arenas high-water mark", N(memory.ArenasHighWater)),
            ("arenas in use", N(memory.ArenasInUse)),
            ("unused pools", N(memory.FreePools)),
            ("large blocks", N(memory.LargeBlocks)),
            ("bytes in large blocks", N(memory.LargeBytes)),
            ("bytes in use", N(memory.BytesInUse)),
            ("bytes mapped", N(memory.BytesMapped))));

        Heading($"Census: {N(report.Census.TotalObjects)} live objects");
        screen.Write(CensusTable(report.Census));

        Heading("Collector", "count = gc.get_count(), threshold = gc.get_threshold()");
        screen.Write(CollectorTable(report.Gc));
    }

    // A blank line, a bold title and optionally one plain line under it.
    private void Heading(string title, string? note = null)
    {
        screen.WriteLine();
        screen.MarkupLineInterpolated($"[bold]{title}[/]");
        if (note != null)
        {
            screen.WriteLine(note);
        }
    }

    private static Table SizeClassTable(MemoryStats memory)
    {
        var table = new Table()
            .AddColumn(Right("class"))
            .AddColumn(Right("block size"))
            .AddColumn(Right("pools"))
            .AddColumn(Right("blocks in use"))
            .AddColumn(Right("free blocks"));
        foreach (var c in memory.SizeClasses.Where(c => c.PoolsInUse > 0))
        {
            table.AddRow(N(c.SizeClass), N(c.BlockSize), N(c.PoolsInUse), N(c.BlocksInUse), N(c.FreeBlocks));
        }

        return table;
    }

    private static Table KeyValueTable(params (string Key, string Value)[] rows)
    {
        var table = new Table().HideHeaders().AddColumn("").AddColumn(Right(""));
        foreach (var (key, value) in rows)
        {
            table.AddRow(Markup.Escape(key), value);
        }

        return table;
    }

    private static Table CensusTable(CensusSummary census)
    {
        var table = new Table()
            .AddColumn("type")
            .AddColumn(Right("live objects"));
        foreach (var (type, count) in census.ByType.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(type), N(count));
        }

        return table;
    }

    private static Table CollectorTable(CollectorSummary gc)
    {
        var table = new Table()
            .AddColumn(Right("gen"))
            .AddColumn(Right("tracked"))
            .AddColumn(Right("count"))
            .AddColumn(Right("threshold"))
            .AddColumn(Right("collections"))
            .AddColumn(Right("collected"))
            .AddColumn(Right("uncollectable"));
        foreach (var g in gc.Generations)
        {
            var i = g.Generation;
            table.AddRow(N(i), N(gc.TrackedObjects[i]), N(gc.Count[i]), N(gc.Threshold[i]), N(g.Collections), N(g.Collected), N(g.Uncollectable));
        }

        return table;
    }

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    // 4096 → "4 KiB", 1048576 → "1 MiB".
    private static string Size(long bytes) => bytes switch
    {
        >= 1 << 20 when bytes % (1 << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1 << 10 when bytes % (1 << 10) == 0 => $"{bytes >> 10} KiB",
        _ => $"{N(bytes)} bytes",
    };
}
