namespace Refheap.Cli.Experiment;

/// <summary>What <c>refheap experiment</c> runs: which models, on which profile, at which scale, and where it writes.</summary>
/// <param name="Models">Server models, in running order.</param>
/// <param name="Profile">The profile the heap models' servers run.</param>
/// <param name="Quick">Whether the scale is <c>--quick</c>'s.</param>
/// <param name="Out">The folder the CSV files, figures, summary.json and report.html go to.</param>
/// <param name="ServerUrls">Servers to load instead of starting children: none, one for every model, or one per model.</param>
/// <param name="Load">The load of each model's run (its server URL and id prefix are set per model).</param>
public sealed record ExperimentSettings(
    IReadOnlyList<string> Models,
    Refheap.Profile Profile,
    bool Quick,
    string Out,
    IReadOnlyList<Uri> ServerUrls,
    Load.LoadSettings Load)
{
    /// <summary>The server URL given for the <paramref name="index"/>-th model, or null to start a child.</summary>
    public Uri? ServerUrlOf(int index) => ServerUrls.Count switch
    {
        0 => null,
        1 => ServerUrls[0],
        _ => ServerUrls[index],
    };
}
