using System.Globalization;
using Spectre.Console;

namespace Refheap.Cli.Load;

/// <summary>The summary table of load runs: one row per run (per model in an experiment).</summary>
public static class LoadTable
{
    /// <summary>A table with a row per (label, run).</summary>
    public static Table Build(IEnumerable<(string Label, LoadResult Result)> runs)
    {
        var table = new Table()
            .AddColumn("server")
            .AddColumn(Right("requests"))
            .AddColumn(Right("req/s"))
            .AddColumn(Right("p50 ms"))
            .AddColumn(Right("p99 ms"))
            .AddColumn(Right("max ms"))
            .AddColumn(Right("errors"))
            .AddColumn(Right("full gcs"))
            .AddColumn(Right("gen2 max ms"))
            .AddColumn(Right("RSS MB"));
        foreach (var (label, result) in runs)
        {
            var s = LoadSummary.Of(result);
            var final = result.Final;
            table.AddRow(
                Markup.Escape(label),
                N(s.Requests),
                F(s.RequestsPerSecond, "#,0"),
                F(s.P50Ms, "0.###"),
                F(s.P99Ms, "0.###"),
                F(s.MaxMs, "0.###"),
                N(s.Errors),
                N(ServerStats.At(final.Collections, 2)),
                F(ServerStats.At(final.MaxPauseMs, 2), "0.###"),
                F(final.RssBytes / 1048576.0, "#,0.0"));
        }

        return table;
    }

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
