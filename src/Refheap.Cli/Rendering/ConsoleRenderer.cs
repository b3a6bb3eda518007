using System.Globalization;
using Refheap.Cli.Bench;
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

    /// <inheritdoc/>
    public void RenderBench(BenchReport report)
    {
        var machine = report.Machine;
        screen.MarkupLineInterpolated($"[bold]refheap bench[/] — {N(report.Tasks)} tasks, seed {report.Seed}, {report.Build} build");
        screen.WriteLine($"{machine.Cores} cores, {machine.Cpu}, {machine.Dotnet}, {machine.Os}");
        if (report.CPython)
        {
            screen.WriteLine("ratio = how many times better Refheap is: CPython ÷ Refheap for times, bytes");
            screen.WriteLine("and live Tasks, Refheap ÷ CPython for rates and memory returned");
        }

        var notes = new List<string>(); // footnotes: why a cell has no number
        foreach (var profile in report.Profiles)
        {
            var pythonVersion = Profile.FromName(profile).PythonVersion;
            Heading(report.CPython ? $"{profile}: Refheap beside CPython {pythonVersion}" : $"{profile} (as CPython {pythonVersion})");
            var table = new Table().AddColumn("workload").AddColumn("metric").AddColumn(Right("Refheap"));
            if (report.CPython)
            {
                table.AddColumn(Right("CPython")).AddColumn(Right("ratio"));
            }

            string? previous = null;
            foreach (var row in report.Rows.Where(r => r.Profile == profile))
            {
                var metric = row.Workload == BenchWorkloads.PauseVsHeap.Name && row.Tasks is { } size
                    ? $"full gc, {N(size)} Tasks, ms"
                    : BenchWorkloads.Find(row.Workload)?.Metric(row.Metric).Label ?? row.Metric;
                if (row.Impl == BenchImpl.RefheapPython)
                {
                    metric += " (Python)";
                }

                var cells = new List<string> { row.Workload == previous ? "" : row.Workload, metric, Cell(row.Refheap, notes) };
                if (report.CPython)
                {
                    cells.Add(Cell(row.CPython, notes));
                    cells.Add(row.Ratio is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) + "x" : "-");
                }

                table.AddRow(cells.Select(Markup.Escape).ToArray());
                previous = row.Workload;
            }

            screen.Write(table);
        }

        foreach (var (note, i) in notes.Select((n, i) => (n, i)))
        {
            screen.WriteLine($"[{i + 1}] {note}");
        }
    }

    // A result's number in its unit's precision, or "n/a [k]" / "error [k]" with footnote k saying why.
    private static string Cell(BenchResult? result, List<string> notes)
    {
        if (result == null)
        {
            return "-";
        }

        if (result.Value is { } v)
        {
            return result.Unit switch
            {
                "ns" or "%" => v.ToString("F1", CultureInfo.InvariantCulture),
                "ms" => v.ToString(v < 10 ? "F3" : "F1", CultureInfo.InvariantCulture),
                _ => v.ToString("#,0", CultureInfo.InvariantCulture),
            };
        }

        var side = result.Impl switch
        {
            BenchImpl.RefheapCSharp => "Refheap",
            BenchImpl.RefheapPython => "Refheap Python front end",
            _ => "CPython",
        };
        var note = result.Status switch
        {
            BenchStatus.NotAvailable => $"{side}: not available: {result.Error}",
            BenchStatus.NotMeasured => $"{side}: not measured: {result.Error}",
            _ => $"{side}: error: {result.Error}",
        };
        var index = notes.IndexOf(note);
        if (index < 0)
        {
            notes.Add(note);
            index = notes.Count - 1;
        }

        return (result.Status == BenchStatus.Error ? "error" : "n/a") + $" [{index + 1}]";
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
