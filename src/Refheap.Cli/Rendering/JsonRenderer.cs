using System.Text.Json;
using Refheap.Cli.Bench;
using Refheap.Cli.Stats;

namespace Refheap.Cli.Rendering;

/// <summary>One indented, camelCase JSON document per report, for scripts (fields: docs/cli.md, docs/BENCHMARKS.md).</summary>
public sealed class JsonRenderer(TextWriter output) : IRenderer
{
    /// <summary>
    /// camelCase property names; dictionary keys (type names) are left as they are; text is not
    /// escaped for HTML (a version reads <c>0.1.0+abc</c>, not <c>0.1.0\u002Babc</c>).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc/>
    public void RenderStats(StatsReport report) => output.WriteLine(JsonSerializer.Serialize(report, Options));

    /// <inheritdoc/>
    public void RenderBench(BenchReport report) => output.WriteLine(JsonSerializer.Serialize(report, Options));
}
