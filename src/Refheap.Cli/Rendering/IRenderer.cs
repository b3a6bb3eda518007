using Refheap.Cli.Bench;
using Refheap.Cli.Stats;

namespace Refheap.Cli.Rendering;

/// <summary>
/// How a command's result reaches the user: one method per report, with a console (tables)
/// and a JSON implementation. Commands build the report; renderers only format it.
/// </summary>
public interface IRenderer
{
    /// <summary>Shows the result of <c>refheap stats</c>.</summary>
    void RenderStats(StatsReport report);

    /// <summary>Shows the result of <c>refheap bench</c>.</summary>
    void RenderBench(BenchReport report);
}
