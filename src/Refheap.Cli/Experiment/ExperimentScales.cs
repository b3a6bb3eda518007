namespace Refheap.Cli.Experiment;

/// <summary>
/// The two scales of <c>refheap experiment</c>. The default reproduces the talk's shape (live
/// tasks ~12,000; several full collections on a heap that grows during the ramp); <c>--quick</c>
/// finishes all three models in about a minute on two cores and still shows several full
/// collections of version 1 (measured numbers: docs/experiment.md).
/// </summary>
public static class ExperimentScales
{
    /// <summary>The talk's scale.</summary>
    public static ExperimentScale Default { get; } = new(
        Clients: 8, Requests: 1_000_000, DurationSeconds: 180, LiveTasks: 12_000, Subtasks: 5, PayloadBytes: 1_000, Seed: 1, StatsEvery: 1_000);

    /// <summary><c>--quick</c>'s scale.</summary>
    public static ExperimentScale Quick { get; } = new(
        Clients: 4, Requests: 300_000, DurationSeconds: 30, LiveTasks: 4_000, Subtasks: 5, PayloadBytes: 1_000, Seed: 1, StatsEvery: 500);
}
