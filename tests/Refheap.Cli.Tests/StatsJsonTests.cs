using System.Text.Json;
using System.Text.RegularExpressions;

namespace Refheap.Cli.Tests;

/// <summary><c>refheap stats --json</c>: one parseable document whose numbers agree with each other.</summary>
public sealed partial class StatsJsonTests
{
    [Theory]
    [InlineData("py27", "2.7.18", 4096, 262144, 8, 256)]
    [InlineData("py312", "3.12.1", 16384, 1048576, 16, 512)]
    public void Json_document_is_consistent(string profile, string pythonVersion, int poolSize, int arenaSize, int alignment, int smallRequestLimit)
    {
        var result = CliHarness.Run("stats", "--profile", profile, "--json", "--objects", "200");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;

        Assert.Equal(profile, root.GetProperty("profile").GetString());
        Assert.Equal(pythonVersion, root.GetProperty("pythonVersion").GetString());

        var demo = root.GetProperty("demo");
        Assert.Equal(200, demo.GetProperty("tasks").GetInt32());
        Assert.Equal(5, demo.GetProperty("subtasksPerTask").GetInt32());
        Assert.Equal(100, demo.GetProperty("tasksDropped").GetInt32());
        Assert.Equal(100, demo.GetProperty("tasksKept").GetInt32());
        Assert.True(demo.GetProperty("unreachableFound").GetInt64() >= 100 * 6, "each dropped Task and its 5 Subtasks are unreachable");

        var memory = root.GetProperty("memory");
        Assert.Equal(poolSize, memory.GetProperty("poolSize").GetInt32());
        Assert.Equal(arenaSize, memory.GetProperty("arenaSize").GetInt32());
        Assert.Equal(alignment, memory.GetProperty("alignment").GetInt32());
        Assert.Equal(smallRequestLimit, memory.GetProperty("smallRequestLimit").GetInt32());
        var classes = memory.GetProperty("sizeClasses").EnumerateArray().ToList();
        Assert.Equal(smallRequestLimit / alignment, classes.Count);
        Assert.True(classes.Sum(c => c.GetProperty("blocksInUse").GetInt64()) > 0);
        foreach (var c in classes)
        {
            Assert.Equal((c.GetProperty("sizeClass").GetInt32() + 1) * alignment, c.GetProperty("blockSize").GetInt32());
            if (c.GetProperty("poolsInUse").GetInt64() == 0)
            {
                Assert.Equal(0, c.GetProperty("blocksInUse").GetInt64());
            }
        }

        var bytesInUse = memory.GetProperty("bytesInUse").GetInt64();
        var bytesMapped = memory.GetProperty("bytesMapped").GetInt64();
        var arenasInUse = memory.GetProperty("arenasInUse").GetInt64();
        Assert.True(bytesInUse > 0);
        Assert.True(bytesMapped >= bytesInUse, $"bytesMapped {bytesMapped} < bytesInUse {bytesInUse}");
        Assert.True(arenasInUse >= 1);
        Assert.True(memory.GetProperty("arenasHighWater").GetInt64() >= arenasInUse);
        Assert.Equal(
            memory.GetProperty("arenasAllocatedTotal").GetInt64() - memory.GetProperty("arenasReclaimedTotal").GetInt64(),
            arenasInUse);
        Assert.True(bytesMapped >= arenasInUse * arenaSize);

        var census = root.GetProperty("census");
        var byType = census.GetProperty("byType");
        Assert.Equal(100, byType.GetProperty("__main__.Task").GetInt64());
        Assert.Equal(500, byType.GetProperty("__main__.Subtask").GetInt64());
        Assert.Equal(byType.EnumerateObject().Sum(p => p.Value.GetInt64()), census.GetProperty("totalObjects").GetInt64());
        Assert.Equal(bytesInUse, census.GetProperty("bytesInUse").GetInt64());
        Assert.Equal(bytesMapped, census.GetProperty("bytesMapped").GetInt64());

        var gc = root.GetProperty("gc");
        Assert.Equal([700, 10, 10], gc.GetProperty("threshold").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(3, gc.GetProperty("count").GetArrayLength());
        Assert.Equal(3, gc.GetProperty("trackedObjects").GetArrayLength());
        var generations = gc.GetProperty("generations").EnumerateArray().ToList();
        Assert.Equal(3, generations.Count);
        Assert.True(generations[2].GetProperty("collections").GetInt64() >= 1, "the demo's gc.collect() is a full collection");
        Assert.True(generations[2].GetProperty("collected").GetInt64() >= demo.GetProperty("unreachableFound").GetInt64() - generations[2].GetProperty("uncollectable").GetInt64());
    }

    [Fact]
    public void Instance_dicts_follow_the_profile()
    {
        // 2.7 gives every instance its own __dict__; 3.12 keeps attributes inline.
        var py27 = Census("py27");
        var py312 = Census("py312");

        Assert.True(py27.GetProperty("dict").GetInt64() >= 100 * 7, "each kept Task has a __dict__ and a _subtasks dict, each Subtask a __dict__");
        Assert.True(py312.GetProperty("dict").GetInt64() < py27.GetProperty("dict").GetInt64());
    }

    [Fact]
    public void Zero_objects_still_reports_a_heap()
    {
        var result = CliHarness.Run("stats", "--json", "-n", "0");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("demo").GetProperty("tasks").GetInt32());
        Assert.True(doc.RootElement.GetProperty("memory").GetProperty("arenasInUse").GetInt64() >= 1);
    }

    [Fact]
    public void Json_is_the_only_thing_on_stdout()
    {
        var result = CliHarness.Run("stats", "-j", "-n", "10");

        Assert.StartsWith("{", result.Out);
        Assert.EndsWith("}\n", result.Out);
        Assert.DoesNotContain("┌", result.Out);
    }

    [Fact]
    public void Every_json_field_is_documented_in_docs_cli_md()
    {
        var docs = File.ReadAllText(Path.Combine(CliHarness.RepositoryRoot, "docs", "cli.md"));
        var documented = DocumentedField().Matches(docs).Select(m => m.Groups[1].Value).ToHashSet();
        using var doc = JsonDocument.Parse(CliHarness.Run("stats", "--json", "-n", "10").Out);

        var missing = FieldPaths(doc.RootElement, "").Where(path => !documented.Contains(path)).ToList();

        Assert.True(missing.Count == 0, "not documented in docs/cli.md: " + string.Join(", ", missing));
    }

    // Field paths as docs/cli.md writes them: `memory.sizeClasses[].blockSize`; byType's keys are data, not fields.
    private static IEnumerable<string> FieldPaths(JsonElement e, string prefix)
    {
        if (e.ValueKind == JsonValueKind.Object && !prefix.EndsWith("byType", StringComparison.Ordinal))
        {
            foreach (var p in e.EnumerateObject())
            {
                var path = prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}";
                yield return path;
                foreach (var inner in FieldPaths(p.Value, path))
                {
                    yield return inner;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0 && e[0].ValueKind == JsonValueKind.Object)
        {
            foreach (var inner in FieldPaths(e[0], prefix + "[]"))
            {
                yield return inner;
            }
        }
    }

    private static JsonElement Census(string profile)
    {
        var result = CliHarness.Run("stats", "--json", "-n", "200", "-p", profile);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("census").GetProperty("byType").Clone();
    }

    [GeneratedRegex(@"^\|\s*`([A-Za-z0-9_.\[\]]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedField();
}
