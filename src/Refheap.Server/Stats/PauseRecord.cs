namespace Refheap.Server.Stats;

/// <summary>One collection as <c>/stats</c> reports it (camelCase in JSON).</summary>
/// <param name="Seq">Running number given by the server, from 1; <c>?pausesSince=N</c> returns those above N.</param>
/// <param name="Generation">The oldest generation collected.</param>
/// <param name="FinishedUnixMs">When it finished, in Unix milliseconds.</param>
/// <param name="ElapsedMs">How long it paused the server, in milliseconds.</param>
/// <param name="Collected">Unreachable objects freed (the managed model: 0, the .NET GC does not say).</param>
/// <param name="Uncollectable">Unreachable objects that could not be freed (py27: cycles with <c>__del__</c>).</param>
/// <param name="Automatic">Started by the allocation thresholds rather than an explicit collect.</param>
public sealed record PauseRecord(long Seq, int Generation, long FinishedUnixMs, double ElapsedMs, long Collected, long Uncollectable, bool Automatic);
