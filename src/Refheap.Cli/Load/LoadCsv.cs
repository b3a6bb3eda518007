using System.Globalization;

namespace Refheap.Cli.Load;

/// <summary>
/// The CSV files of a load run (columns described in docs/experiment.md): one row per request,
/// per <c>/stats</c> sample, per collector pause. Invariant culture, <c>\n</c> line ends.
/// </summary>
public static class LoadCsv
{
    /// <summary>The header of requests.csv.</summary>
    public const string RequestsHeader = "start_unix_ms,client,kind,path,status,latency_ms,live_tasks";

    /// <summary>The header of samples.csv.</summary>
    public const string SamplesHeader =
        "request_index,elapsed_ms,unix_ms,live_tasks,tasks,task_objects,subtask_objects,"
        + "collections_0,collections_1,collections_2,max_pause_ms_0,max_pause_ms_1,max_pause_ms_2,"
        + "tracked_0,tracked_1,tracked_2,heap_bytes_in_use,heap_bytes_mapped,rss_bytes,server_requests";

    /// <summary>The header of pauses.csv.</summary>
    public const string PausesHeader = "seq,generation,finished_unix_ms,elapsed_ms,collected,uncollectable,automatic";

    /// <summary>Writes every request of <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void WriteRequests(string path, LoadResult result) =>
        Write(path, RequestsHeader, result.Requests.Select(r => Row(
            F(r.StartUnixMs), N(r.Client), EndpointKinds.Name(r.Kind), r.Path, N(r.Status), F(r.LatencyMs), N(r.LiveTasks))));

    /// <summary>Writes every sample of <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void WriteSamples(string path, LoadResult result) =>
        Write(path, SamplesHeader, result.Samples.Select(s =>
        {
            var t = s.Stats;
            return Row(
                N(s.RequestIndex), F(s.ElapsedMs), F(t.UnixMs), N(s.LiveTasks), N(t.Tasks), N(t.TaskObjects), N(t.SubtaskObjects),
                N(ServerStats.At(t.Collections, 0)), N(ServerStats.At(t.Collections, 1)), N(ServerStats.At(t.Collections, 2)),
                F(ServerStats.At(t.MaxPauseMs, 0)), F(ServerStats.At(t.MaxPauseMs, 1)), F(ServerStats.At(t.MaxPauseMs, 2)),
                N(ServerStats.At(t.Tracked, 0)), N(ServerStats.At(t.Tracked, 1)), N(ServerStats.At(t.Tracked, 2)),
                N(t.HeapBytesInUse), N(t.HeapBytesMapped), N(t.RssBytes), N(t.Requests));
        }));

    /// <summary>Writes every collector pause of <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void WritePauses(string path, LoadResult result) =>
        Write(path, PausesHeader, result.Pauses.Select(p => Row(
            N(p.Seq), N(p.Generation), F(p.FinishedUnixMs), F(p.ElapsedMs), N(p.Collected), N(p.Uncollectable), p.Automatic ? "true" : "false")));

    private static void Write(string path, string header, IEnumerable<string> rows)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory != null)
        {
            Directory.CreateDirectory(directory);
        }

        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine(header);
        foreach (var row in rows)
        {
            writer.WriteLine(row);
        }
    }

    // No field ever holds a comma or a quote: paths are made of ids in [A-Za-z0-9_-].
    private static string Row(params string[] fields) => string.Join(',', fields);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
