using System.Globalization;
using Spectre.Console;

namespace Refheap.Cli.Load;

/// <summary>
/// The summary table of load runs: a row per figure, a column per run (per model in an
/// experiment), so that three models fit an 80-column terminal.
/// </summary>
public static class LoadTable
{
    /// <summary>A table with a column per (label, run).</summary>
    public static Table Build(IReadOnlyList<(string Label, LoadResult Result)> runs)
    {
        var table = new Table().AddColumn("");
        foreach (var (label, _) in runs)
        {
            table.AddColumn(new TableColumn(Markup.Escape(label)).RightAligned());
        }

        var summaries = runs.Select(r => (Load: LoadSummary.Of(r.Result), Final: r.Result.Final, Peak: r.Result.Samples.Max(s => s.Stats.RssBytes))).ToList();
        Row(table, "requests", summaries.Select(s => N(s.Load.Requests)));
        Row(table, "errors", summaries.Select(s => N(s.Load.Errors)));
        Row(table, "requests/s", summaries.Select(s => F(s.Load.RequestsPerSecond, "#,0")));
        Row(table, "latency p50 ms", summaries.Select(s => F(s.Load.P50Ms, "0.000")));
        Row(table, "latency p99 ms", summaries.Select(s => F(s.Load.P99Ms, "0.000")));
        Row(table, "latency max ms", summaries.Select(s => F(s.Load.MaxMs, "0.0")));
        Row(table, "full collections", summaries.Select(s => N(ServerStats.At(s.Final.Collections, 2))));
        Row(table, "max full pause ms", summaries.Select(s => F(ServerStats.At(s.Final.MaxPauseMs, 2), "0.0")));
        Row(table, "peak RSS MB", summaries.Select(s => F(s.Peak / 1048576.0, "#,0.0")));
        Row(table, "Task objects / tasks", summaries.Select(s => $"{N(s.Final.TaskObjects)} / {N(s.Final.Tasks)}"));
        return table;
    }

    private static void Row(Table table, string label, IEnumerable<string> cells) => table.AddRow([label, .. cells]);

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
