namespace Refheap.Gc;

/// <summary>Totals for one generation (the content of gc.get_stats, plus pause times).</summary>
public sealed class GenerationStats
{
    /// <summary>Collections of this generation.</summary>
    public long Collections { get; internal set; }

    /// <summary>Objects collected by them.</summary>
    public long Collected { get; internal set; }

    /// <summary>Uncollectable objects found by them.</summary>
    public long Uncollectable { get; internal set; }

    /// <summary>The longest pause.</summary>
    public TimeSpan MaxPause { get; internal set; }

    /// <summary>All pauses added up.</summary>
    public TimeSpan TotalPause { get; internal set; }
}
