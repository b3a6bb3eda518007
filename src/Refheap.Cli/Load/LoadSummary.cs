namespace Refheap.Cli.Load;

/// <summary>The figures of one load run that its summary table and the experiment's report show.</summary>
/// <param name="Requests">Load requests sent.</param>
/// <param name="Errors">Requests without a 2xx answer (status 0 included).</param>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="RequestsPerSecond">Requests ÷ seconds.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P99Ms">99th percentile of latency.</param>
/// <param name="MaxMs">The slowest request.</param>
public sealed record LoadSummary(long Requests, long Errors, double Seconds, double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>The summary of <paramref name="result"/>.</summary>
    public static LoadSummary Of(LoadResult result)
    {
        var latencies = result.Requests.Select(r => r.LatencyMs).Order().ToArray();
        var seconds = result.Elapsed.TotalSeconds;
        return new LoadSummary(
            latencies.Length,
            result.Requests.Count(r => !r.Succeeded),
            seconds,
            seconds > 0 ? latencies.Length / seconds : 0,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Length > 0 ? latencies[^1] : 0);
    }

    // Nearest rank: the smallest value with at least fraction × n values at or below it.
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
