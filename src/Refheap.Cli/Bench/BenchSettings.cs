namespace Refheap.Cli.Bench;

/// <summary>What <c>refheap bench</c> was asked to do.</summary>
/// <param name="Workloads">The workloads to run, in running order.</param>
/// <param name="Profiles">The profiles to run them on.</param>
/// <param name="Tasks">The graph size (<c>--tasks</c>): Tasks in the graph, the timed churn steps, the largest pause_vs_heap graph.</param>
/// <param name="Seed">The seed (<c>--seed</c>), passed to both sides and recorded.</param>
/// <param name="CPython">Whether to run the paired CPython too (<c>--cpython</c>).</param>
/// <param name="InProcess">Measure memory_per_task in this process instead of a child (how refheap runs its own child).</param>
public sealed record BenchSettings(
    IReadOnlyList<BenchWorkload> Workloads,
    IReadOnlyList<Profile> Profiles,
    int Tasks,
    int Seed,
    bool CPython,
    bool InProcess = false)
{
    /// <summary>Tasks kept alive by the churn workloads: 10,000, or half of <see cref="Tasks"/> when that is smaller.</summary>
    public int ChurnWindow => Math.Clamp(Tasks / 2, 1, 10_000);

    /// <summary>
    /// The graph sizes of pause_vs_heap: 1 %, 3 %, 10 %, 30 % and 100 % of <see cref="Tasks"/>
    /// (10k, 30k, 100k, 300k, 1M for --tasks 1000000), at least 1, without repeats.
    /// </summary>
    public IReadOnlyList<int> PauseSizes =>
        new[] { 0.01, 0.03, 0.1, 0.3, 1.0 }.Select(f => Math.Max(1, (int)Math.Round(Tasks * f))).Distinct().ToList();

    /// <summary>Full collections timed per pause_vs_heap size; the shortest counts.</summary>
    public const int PauseRepeats = 3;

    /// <summary>Whether <paramref name="workload"/> was asked for.</summary>
    public bool Wants(BenchWorkload workload) => Workloads.Contains(workload);
}
