namespace Refheap.Cli.Experiment;

/// <summary>summary.json: how the experiment ran and one <see cref="ModelSummary"/> per model.</summary>
public sealed record ExperimentSummary(
    string CommandLine,
    string Version,
    DateTimeOffset Date,
    string Profile,
    bool Quick,
    ExperimentScale Scale,
    IReadOnlyList<ModelSummary> Models,
    IReadOnlyList<string> Figures);

