using System.Globalization;
using System.Net;
using System.Text;

namespace Refheap.Cli.Experiment;

/// <summary>
/// report.html: one self-contained page (the figures are linked beside it in the output folder)
/// with the run's settings, a table per model and each figure with what to look for in it.
/// </summary>
public static class ReportHtml
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "report.html";

    private static readonly Dictionary<string, string> s_captions = new()
    {
        [ExperimentFigures.TasksStrong] = "Version 1 (each Subtask holds its Task): deleted tasks stay in memory until a full collection frees them — a sawtooth of Task objects above the tasks held (the talk's gc_tasks.png).",
        [ExperimentFigures.TasksWeak] = "Version 2 (weak back-reference): a deleted task dies at once, the two curves coincide (the talk's wr_tasks.png).",
        [ExperimentFigures.Rss] = "Process RSS (solid) and the bytes the heap has mapped (dashed) over requests (the talk's mem_usage.png).",
        [ExperimentFigures.RequestTime] = "Latency of every request over time: version 1 stalls at each full collection, longer as the heap grows (the talk's request_time.png).",
        [ExperimentFigures.Pauses] = "Every collection the servers reported: its pause against the time it ended, by generation.",
    };

    /// <summary>Writes the report of <paramref name="summary"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, ExperimentSummary summary)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>refheap experiment</title>\n<style>\n")
            .Append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}\n")
            .Append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.25em .6em}td.n{text-align:right}\n")
            .Append("figure{margin:1.5em 0}img{max-width:100%;border:1px solid #ddd}\n")
            .Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>refheap experiment</h1>\n");
        var scale = summary.Scale;
        html.Append(CultureInfo.InvariantCulture, $"<p><code>{E(summary.CommandLine)}</code><br>\nrefheap {E(summary.Version)}, {E(summary.Date.ToString("u", CultureInfo.InvariantCulture))}, profile {E(summary.Profile)}{(summary.Quick ? ", quick" : "")}: ")
            .Append(CultureInfo.InvariantCulture, $"{scale.Clients} clients, up to {scale.Requests:N0} requests or {scale.DurationSeconds:0} s per model, {scale.LiveTasks:N0} live tasks of {scale.Subtasks} subtasks, ")
            .Append(CultureInfo.InvariantCulture, $"{scale.PayloadBytes:N0} payload bytes, seed {scale.Seed}, /stats every {scale.StatsEvery:N0} requests.</p>\n");

        foreach (var m in summary.Models)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(ServerModels.Label(m.Model))}</h2>\n<table>\n");
            Row(html, "server", $"{m.ServerModel} model, {m.ServerProfile} profile, {m.ServerUrl}{(m.ChildProcess ? " (child process)" : "")}");
            Row(html, "requests", N(m.Requests), $"{N(m.Errors)} errors");
            Row(html, "requests/s", F(m.RequestsPerSecond, "#,0"));
            Row(html, "latency p50 / p99 / max (ms)", $"{F(m.LatencyP50Ms)} / {F(m.LatencyP99Ms)} / {F(m.LatencyMaxMs)}");
            Row(html, "collections gen 0 / 1 / 2", string.Join(" / ", m.Collections.Select(N)));
            Row(html, "max pause gen 0 / 1 / 2 (ms)", string.Join(" / ", m.MaxPauseMs.Select(p => F(p))));
            Row(html, "RSS peak / final (MB)", $"{MB(m.PeakRssBytes)} / {MB(m.FinalRssBytes)}");
            Row(html, "heap mapped peak / final (MB)", $"{MB(m.PeakHeapBytesMapped)} / {MB(m.FinalHeapBytesMapped)}");
            Row(html, "max Task objects alive / max tasks held", $"{N(m.MaxTaskObjects)} / {N(m.MaxTasksHeld)}");
            Row(html, "data", $"<a href=\"{E(m.RequestsCsv)}\">{E(m.RequestsCsv)}</a>, <a href=\"{E(m.SamplesCsv)}\">{E(m.SamplesCsv)}</a>, <a href=\"{E(m.PausesCsv)}\">{E(m.PausesCsv)}</a>", raw: true);
            html.Append("</table>\n");
        }

        html.Append("<h2>Figures</h2>\n");
        foreach (var figure in summary.Figures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{E(figure)}\" alt=\"{E(figure)}\"><figcaption>{E(s_captions.GetValueOrDefault(figure, figure))}</figcaption></figure>\n");
        }

        html.Append("<p>The numbers behind this page: <a href=\"summary.json\">summary.json</a>.</p>\n</body>\n</html>\n");
        File.WriteAllText(path, html.ToString());
    }

    private static void Row(StringBuilder html, string key, string value, string? note = null, bool raw = false)
    {
        html.Append("<tr><th>").Append(E(key)).Append("</th><td class=\"n\">").Append(raw ? value : E(value)).Append("</td>");
        if (note != null)
        {
            html.Append("<td>").Append(E(note)).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string F(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string MB(long bytes) => (bytes / 1048576.0).ToString("#,0.0", CultureInfo.InvariantCulture);
}
