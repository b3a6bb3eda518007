namespace Refheap.Gc;

/// <summary>One collection's pause record.</summary>
/// <param name="Generation">The generation collected (with all younger ones).</param>
/// <param name="Examined">Objects in the collected generations at the start.</param>
/// <param name="Collected">Unreachable objects freed (CPython's "collected").</param>
/// <param name="Uncollectable">Unreachable objects that could not be freed (2.7: cycles with __del__).</param>
/// <param name="Elapsed">How long the collection took.</param>
public readonly record struct CollectionResult(int Generation, long Examined, long Collected, long Uncollectable, TimeSpan Elapsed)
{
    /// <summary>What gc.collect() returns: collected plus uncollectable.</summary>
    public long Unreachable => Collected + Uncollectable;

    /// <summary>Whether the collection was started by the allocation counters rather than by gc.collect().</summary>
    public bool Automatic { get; init; }

    /// <summary>When the collection finished.</summary>
    public DateTimeOffset FinishedAt { get; init; }
}
