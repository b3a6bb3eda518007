using Refheap.Cli.Load;

namespace Refheap.Cli.Experiment;

/// <summary>One model's part of an experiment: the server it loaded and what the load recorded.</summary>
public sealed record ModelRun(string Model, Uri ServerUrl, bool ChildProcess, LoadResult Result);
