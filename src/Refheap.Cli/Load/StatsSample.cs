namespace Refheap.Cli.Load;

/// <summary>
/// <c>/stats</c> read after <paramref name="RequestIndex"/> load requests had completed, at
/// <paramref name="ElapsedMs"/> since the runner started (its first <c>/stats</c> included), with
/// the tasks the clients held then (<paramref name="LiveTasks"/>); its <c>pauses</c> are
/// collected apart, in <see cref="LoadResult.Pauses"/>.
/// </summary>
public sealed record StatsSample(long RequestIndex, double ElapsedMs, int LiveTasks, ServerStats Stats);
