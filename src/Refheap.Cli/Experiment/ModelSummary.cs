using Refheap.Cli.Load;

namespace Refheap.Cli.Experiment;

/// <summary>One model's row of summary.json and its table in report.html (fields: docs/experiment.md).</summary>
public sealed record ModelSummary(
    string Model,
    string ServerModel,
    string ServerProfile,
    string ServerUrl,
    bool ChildProcess,
    long Requests,
    long Errors,
    double Seconds,
    double RequestsPerSecond,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double LatencyMaxMs,
    long[] Collections,
    double[] MaxPauseMs,
    long PausesRecorded,
    long PeakRssBytes,
    long FinalRssBytes,
    long PeakHeapBytesMapped,
    long FinalHeapBytesMapped,
    long MaxTaskObjects,
    long MaxTasksHeld,
    long FinalTasks,
    long FinalTaskObjects,
    int SamplingErrors,
    string RequestsCsv,
    string SamplesCsv,
    string PausesCsv)
{
    /// <summary>The summary of <paramref name="run"/>, whose CSV files are named by <see cref="CsvNames"/>.</summary>
    public static ModelSummary Of(ModelRun run)
    {
        var result = run.Result;
        var load = LoadSummary.Of(result);
        var final = result.Final;
        var samples = result.Samples.Select(s => s.Stats).ToList();
        var (requests, samplesCsv, pauses) = CsvNames(run.Model);
        return new ModelSummary(
            run.Model,
            final.Model,
            final.Profile,
            run.ServerUrl.ToString(),
            run.ChildProcess,
            load.Requests,
            load.Errors,
            load.Seconds,
            load.RequestsPerSecond,
            load.P50Ms,
            load.P99Ms,
            load.MaxMs,
            [.. Enumerable.Range(0, 3).Select(g => ServerStats.At(final.Collections, g))],
            [.. Enumerable.Range(0, 3).Select(g => ServerStats.At(final.MaxPauseMs, g))],
            result.Pauses.Count,
            samples.Max(s => s.RssBytes),
            final.RssBytes,
            samples.Max(s => s.HeapBytesMapped),
            final.HeapBytesMapped,
            samples.Max(s => s.TaskObjects),
            samples.Max(s => s.Tasks),
            final.Tasks,
            final.TaskObjects,
            result.SamplingErrors,
            requests,
            samplesCsv,
            pauses);
    }

    /// <summary>The file names of <paramref name="model"/>'s CSV files in the output folder.</summary>
    public static (string Requests, string Samples, string Pauses) CsvNames(string model) =>
        ($"requests-{model}.csv", $"samples-{model}.csv", $"pauses-{model}.csv");
}
