namespace Refheap.Cli.Load;

/// <summary>One collection the server ran, as <c>/stats</c> reports it in <c>pauses</c>.</summary>
/// <param name="Seq">Its number in the server's running sequence (the <c>pausesSince</c> cursor).</param>
/// <param name="Generation">The oldest generation it collected.</param>
/// <param name="FinishedUnixMs">When it ended, in Unix milliseconds.</param>
/// <param name="ElapsedMs">How long it took.</param>
/// <param name="Collected">Objects it freed.</param>
/// <param name="Uncollectable">Objects it found unreachable but could not free.</param>
/// <param name="Automatic">Whether the allocation thresholds started it (not an explicit collect).</param>
public sealed record CollectorPause(long Seq, int Generation, double FinishedUnixMs, double ElapsedMs, long Collected, long Uncollectable, bool Automatic);
