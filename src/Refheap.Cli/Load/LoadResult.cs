namespace Refheap.Cli.Load;

/// <summary>What one load run recorded.</summary>
/// <param name="Settings">What was asked for.</param>
/// <param name="StartUnixMs">When the first request could start, in Unix milliseconds.</param>
/// <param name="Elapsed">From then until the last request ended.</param>
/// <param name="Requests">Every load request, by start time.</param>
/// <param name="Samples">The <c>/stats</c> samples, by request index: one before the first request, one every <c>StatsEvery</c>, one at the end.</param>
/// <param name="Pauses">Every collector pause the server reported during the run, by sequence number.</param>
/// <param name="SamplingErrors">Samples that failed mid-run (left out).</param>
public sealed record LoadResult(
    LoadSettings Settings,
    double StartUnixMs,
    TimeSpan Elapsed,
    IReadOnlyList<RequestRecord> Requests,
    IReadOnlyList<StatsSample> Samples,
    IReadOnlyList<CollectorPause> Pauses,
    int SamplingErrors)
{
    /// <summary>The last sample: the server's state once the load was over.</summary>
    public ServerStats Final => Samples[^1].Stats;
}
