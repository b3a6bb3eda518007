using Refheap.Cli.Load;
using Refheap.Server.Debug;

namespace Refheap.Cli.Experiment;

/// <summary>One model's part of an experiment: the server it loaded, what the load recorded, and (version 1) the server's cycle report.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="ServerUrl">The server loaded.</param>
/// <param name="ChildProcess">Whether the experiment started that server.</param>
/// <param name="Result">What the load recorded.</param>
/// <param name="Cycles">The server's <c>/debug/cycles</c> at the end of the load (strong only), or null.</param>
/// <param name="CyclesError">Why <paramref name="Cycles"/> is null when it was asked for.</param>
public sealed record ModelRun(string Model, Uri ServerUrl, bool ChildProcess, LoadResult Result, CycleReportSummary? Cycles = null, string? CyclesError = null);
