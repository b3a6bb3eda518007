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
    /// Tasks in the untimed warm-up graph that build, full_live and full_garbage first build,
    /// collect and free on each side (a tenth of <see cref="Tasks"/>, at most 50,000): .NET
    /// compiles the hot paths fully only after they have run a while (tiered compilation), so
    /// without it the timed run would measure the JIT's first tier instead of Refheap.
    /// </summary>
    public int WarmupTasks => Math.Clamp(Tasks / 10, 1, 50_000);

    /// <summary>Untimed churn steps after the window is filled and before the timed ones, on each side, for the same reason (a fifth of <see cref="Tasks"/>, at most 100,000).</summary>
    public int ChurnWarmupSteps => Math.Clamp(Tasks / 5, 1, 100_000);

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
