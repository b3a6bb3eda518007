using Refheap.Cli.Load;
using ScottPlot;

namespace Refheap.Cli.Experiment;

/// <summary>
/// The figures of an experiment, drawn with ScottPlot as the talk's were with gnuplot: the same
/// axes, colours and legends, so that each can be laid beside its original.
/// </summary>
public static class ExperimentFigures
{
    /// <summary>Tasks held vs Task objects alive for version 1 (the talk's gc_tasks.png).</summary>
    public const string TasksStrong = "tasks-strong.png";

    /// <summary>The same for version 2 (the talk's wr_tasks.png).</summary>
    public const string TasksWeak = "tasks-weak.png";

    /// <summary>RSS and the heap's mapped bytes of every model over requests (the talk's mem_usage.png).</summary>
    public const string Rss = "rss.png";

    /// <summary>Request latency of every model over time (the talk's request_time.png).</summary>
    public const string RequestTime = "request-time.png";

    /// <summary>Collector pauses by generation over time.</summary>
    public const string Pauses = "pauses.png";

    private const int Width = 1024;
    private const int Height = 768;

    // The y axis reaches this far above the data, so that the legend (upper right) covers none of it.
    private const double Headroom = 1.4;

    /// <summary>Draws every figure that <paramref name="runs"/> have data for into <paramref name="directory"/>; returns their file names.</summary>
    public static IReadOnlyList<string> WriteAll(string directory, IReadOnlyList<ModelRun> runs)
    {
        var written = new List<string>();
        foreach (var (model, file) in new[] { (ServerModels.Strong, TasksStrong), (ServerModels.Weak, TasksWeak) })
        {
            if (runs.FirstOrDefault(r => r.Model == model) is { } run)
            {
                Save(TasksFigure(run), directory, file, written);
            }
        }

        Save(RssFigure(runs), directory, Rss, written);
        Save(RequestTimeFigure(runs), directory, RequestTime, written);
        Save(PausesFigure(runs), directory, Pauses, written);
        return written;
    }

    // Red: the tasks in the server's index; green, drawn over it: Task objects alive. Where no
    // dead Task waits for the collector, green hides red — as in the talk's wr_tasks.png.
    private static Plot TasksFigure(ModelRun run)
    {
        var plot = NewPlot($"{ServerModels.Label(run.Model)}: tasks held vs Task objects in memory", "# REST requests", "# Tasks");
        var samples = run.Result.Samples;
        var xs = samples.Select(s => (double)s.RequestIndex).ToArray();
        Line(plot, xs, [.. samples.Select(s => (double)s.Stats.Tasks)], Colors.Red, "Tasks count");
        Line(plot, xs, [.. samples.Select(s => (double)s.Stats.TaskObjects)], Colors.LimeGreen, "Task objects in memory");
        plot.Axes.SetLimitsY(0, Math.Max(1, samples.Max(s => Math.Max(s.Stats.Tasks, s.Stats.TaskObjects))) * Headroom);
        return plot;
    }

    // Solid: the process's RSS; dashed, same colour: the bytes the Refheap heap has mapped (for
    // the managed model, the .NET GC heap's size) — what the heap holds beside what the OS sees.
    private static Plot RssFigure(IReadOnlyList<ModelRun> runs)
    {
        var plot = NewPlot("Server memory over requests", "# REST requests", "Memory (MB)");
        foreach (var run in runs)
        {
            var samples = run.Result.Samples;
            var xs = samples.Select(s => (double)s.RequestIndex).ToArray();
            Line(plot, xs, [.. samples.Select(s => s.Stats.RssBytes / 1048576.0)], ColorOf(run.Model), $"{ServerModels.Label(run.Model)} RSS");
            var mapped = Line(plot, xs, [.. samples.Select(s => s.Stats.HeapBytesMapped / 1048576.0)], ColorOf(run.Model), $"{ServerModels.Label(run.Model)} heap mapped");
            mapped.LinePattern = LinePattern.Dashed;
        }

        plot.Axes.SetLimitsY(0, Math.Max(1, runs.SelectMany(r => r.Result.Samples).Select(s => Math.Max(s.Stats.RssBytes, s.Stats.HeapBytesMapped) / 1048576.0).DefaultIfEmpty(1).Max()) * Headroom);
        return plot;
    }

    // Every request, at its start; version 1 first so that the other models' lines lie over its
    // ordinary requests and its spikes stand out above them. Dotted lines mark version 1's full
    // collections, so that a spike can be told from the noise of a shared machine.
    private static Plot RequestTimeFigure(IReadOnlyList<ModelRun> runs)
    {
        var plot = NewPlot("Request time over time", "Time (s)", "Request time (ms)");
        foreach (var run in runs.OrderBy(r => r.Model == ServerModels.Strong ? 0 : 1))
        {
            var requests = run.Result.Requests;
            var start = run.Result.StartUnixMs;
            Line(plot, [.. requests.Select(r => (r.StartUnixMs - start) / 1000)], [.. requests.Select(r => r.LatencyMs)], ColorOf(run.Model), $"{ServerModels.Label(run.Model)} request time");
        }

        if (runs.FirstOrDefault(r => r.Model == ServerModels.Strong) is { } strong)
        {
            foreach (var (pause, i) in strong.Result.Pauses.Where(p => p.Generation == 2).Select((p, i) => (p, i)))
            {
                // At its start: the requests it stalls started before it ended.
                var line = plot.Add.VerticalLine((pause.FinishedUnixMs - pause.ElapsedMs - strong.Result.StartUnixMs) / 1000, 1, Colors.DarkRed.WithAlpha(0.6));
                line.LinePattern = LinePattern.Dotted;
                line.LegendText = i == 0 ? $"{ServerModels.Label(ServerModels.Strong)} full collection" : "";
            }
        }

        plot.Axes.SetLimitsY(0, Math.Max(1, runs.SelectMany(r => r.Result.Requests).Select(r => r.LatencyMs).DefaultIfEmpty(1).Max()) * Headroom);
        return plot;
    }

    // One point per collection at the time it ended: colour by generation, marker by model.
    private static Plot PausesFigure(IReadOnlyList<ModelRun> runs)
    {
        var plot = NewPlot("Collector pauses by generation", "Time (s)", "Pause (ms)");
        Color[] generationColors = [Colors.Gray, Colors.Orange, Colors.Red];
        MarkerShape[] shapes = [MarkerShape.FilledCircle, MarkerShape.OpenSquare, MarkerShape.FilledTriangleUp];
        var any = false;
        foreach (var (run, i) in runs.Select((r, i) => (r, i)))
        {
            foreach (var generation in run.Result.Pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key))
            {
                var start = run.Result.StartUnixMs;
                var points = plot.Add.ScatterPoints(
                    generation.Select(p => (p.FinishedUnixMs - start) / 1000).ToArray(),
                    generation.Select(p => p.ElapsedMs).ToArray(),
                    generationColors[Math.Clamp(generation.Key, 0, 2)]);
                points.MarkerShape = shapes[i % shapes.Length];
                points.MarkerSize = 5;
                points.LegendText = $"{ServerModels.Label(run.Model)} gen {generation.Key}";
                any = true;
            }
        }

        if (any)
        {
            plot.Axes.SetLimitsY(0, Math.Max(1, runs.SelectMany(r => r.Result.Pauses).Max(p => p.ElapsedMs)) * Headroom);
        }
        else
        {
            plot.Add.Text("no collector pauses reported", 0, 0);
            plot.Axes.SetLimits(-1, 1, -1, 1);
        }

        return plot;
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, Color color, string legend)
    {
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LegendText = legend;
        line.LineWidth = 1.5f;
        return line;
    }

    private static Color ColorOf(string model) => model switch
    {
        ServerModels.Strong => Colors.Red,
        ServerModels.Weak => Colors.LimeGreen,
        _ => Colors.RoyalBlue,
    };

    private static void Save(Plot plot, string directory, string file, List<string> written)
    {
        plot.SavePng(Path.Combine(directory, file), Width, Height);
        written.Add(file);
    }
}
