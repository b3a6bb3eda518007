using System.Text.Json;
using Refheap.Cli.Stats;

namespace Refheap.Cli.Rendering;

/// <summary>One indented, camelCase JSON document per report, for scripts (fields: docs/cli.md).</summary>
public sealed class JsonRenderer(TextWriter output) : IRenderer
{
    /// <summary>camelCase property names; dictionary keys (type names) are left as they are.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <inheritdoc/>
    public void RenderStats(StatsReport report) => output.WriteLine(JsonSerializer.Serialize(report, Options));
}
