using System.Globalization;
using System.Net;
using System.Text;
using Refheap.Server.Debug;

namespace Refheap.Cli.Experiment;

/// <summary>
/// "What the collector found": version 1's cycle report (the server's <c>/debug/cycles</c>) as
/// the experiment shows it — one line of the console summary and a section of report.html.
/// </summary>
public static class CycleFindings
{
    /// <summary>The section's heading in report.html.</summary>
    public const string Heading = "What the collector found";

    /// <summary>The console line for <paramref name="run"/>, or null when its cycle report was not asked for.</summary>
    public static string? ConsoleLine(ModelRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var label = $"{Heading} ({run.Model})";
        if (run.Cycles is not { } report)
        {
            return run.CyclesError is null ? null : $"{label}: no cycle report — {run.CyclesError}";
        }

        return report.Cycles == 0
            ? Invariant($"{label}: no cycles in {report.Collections:N0} collections")
            : Invariant($"{label}: {report.Cycles:N0} cycles of {Shapes(report.Shapes.Count)} in {report.CollectionsWithCycles:N0} of {report.Collections:N0} collections; {report.Suggestions[0].Text}");
    }

    /// <summary>Appends the section for the models of <paramref name="summary"/> that have a cycle report (nothing when none has).</summary>
    public static void AppendHtml(StringBuilder html, ExperimentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(summary);
        var reported = summary.Models.Where(m => m.CycleReport is not null).ToList();
        if (reported.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(Heading)}</h2>\n")
            .Append("<p>A server run with the cycle report (<code>refheap serve --cycle-report</code>): after every collection, the garbage ")
            .Append("it found is grouped by the shape of its cycles, with the attribute names on the references, and the reference to make weak ")
            .Append("that would have let reference counting free it — the talk's lesson, found by the collector. ")
            .Append("The report's analysis runs inside each collection, so it comes from a diagnosis run of its own after the measured one ")
            .Append("(a child server of its own, a tenth of the live tasks and a fifth of the requests, the same seed): the pauses and request ")
            .Append("times on this page are the collector's alone. A server given with <code>--server-url</code> is asked for its own report.</p>\n");
        foreach (var m in reported)
        {
            var r = m.CycleReport!;
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(ServerModels.Label(m.Model))}</h3>\n")
                .Append(CultureInfo.InvariantCulture, $"<p>From the diagnosis server's start to the end of its load: {N(r.Cycles)} cycles in {N(r.CollectionsWithCycles)} of {N(r.Collections)} collections, ")
                .Append(CultureInfo.InvariantCulture, $"{N(r.GarbageObjects)} unreachable objects in all.</p>\n");
            if (r.Shapes.Count > 0)
            {
                html.Append("<table>\n<tr><th>shape</th><th>cycles</th><th>make weak</th></tr>\n");
                foreach (var s in r.Shapes)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(s.Shape)}</code></td><td class=\"n\">{N(s.Cycles)}</td><td><code>{E(s.Suggestion ?? "")}</code></td></tr>\n");
                }

                html.Append("</table>\n<ul>\n");
                foreach (var s in r.Suggestions)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(s.Text)}</li>\n");
                }

                html.Append("</ul>\n");
            }

            if (m.Model == ServerModels.Strong && summary.Models.Any(o => o.Model == ServerModels.Weak))
            {
                html.Append("<p>Version 2 is that change (<code>Subtask._task</code> is <code>weakref.ref(task)</code>): compare its table above and the figures below.</p>\n");
            }
        }
    }

    private static string Shapes(int count) => count == 1 ? "1 shape" : Invariant($"{count:N0} shapes");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
