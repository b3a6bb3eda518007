namespace Refheap.Cli.Tests;

/// <summary>
/// What people see from <c>refheap stats</c>: the headings and table headers, exactly. The
/// numbers vary with the runtime's implementation and are checked through --json instead.
/// </summary>
public sealed class StatsTableGoldenTests
{
    private const string SizeClassHeader = """
        ┌───────┬────────────┬───────┬───────────────┬─────────────┐
        │ class │ block size │ pools │ blocks in use │ free blocks │
        ├───────┼────────────┼───────┼───────────────┼─────────────┤
        """;

    private const string CollectorHeader = """
        Collector
        count = gc.get_count(), threshold = gc.get_threshold()
        ┌─────┬─────────┬───────┬───────────┬─────────────┬───────────┬───────────────┐
        │ gen │ tracked │ count │ threshold │ collections │ collected │ uncollectable │
        ├─────┼─────────┼───────┼───────────┼─────────────┼───────────┼───────────────┤
        """;

    [Theory]
    [InlineData("py27", "refheap stats — profile py27 (CPython 2.7.18)", "8-byte steps up to 256 bytes, 4 KiB pools, 256 KiB arenas")]
    [InlineData("py312", "refheap stats — profile py312 (CPython 3.12.1)", "16-byte steps up to 512 bytes, 16 KiB pools, 1 MiB arenas")]
    public void Headings_and_table_headers_are_exact(string profile, string title, string geometry)
    {
        var result = CliHarness.Run("stats", "--profile", profile, "--objects", "100");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var lines = result.OutLines;
        Assert.Equal(title, lines[0]);
        Assert.Equal("Heap: 100 Tasks × 5 Subtasks, each Subtask pointing back at its Task.", lines[1]);
        Assert.StartsWith("Dropped 50 Tasks; gc.collect() found ", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.Equal("Size classes (as sys._debugmallocstats(): classes with no pools left out)", lines[4]);
        Assert.Equal(geometry, lines[5]);
        Assert.Equal(SizeClassHeader, string.Join("\n", lines[6..9]));

        AssertSection(lines, "Arenas and bytes", "│ arenas allocated total │");
        AssertSection(lines, "Census: ", "│ type ");
        var collector = Array.IndexOf(lines, "Collector");
        Assert.Equal(CollectorHeader, string.Join("\n", lines[collector..(collector + 5)]));
        Assert.StartsWith("└─────┴", lines[collector + 8]);
    }

    [Fact]
    public void Every_size_class_row_has_pools()
    {
        var lines = CliHarness.Run("stats", "--objects", "100").OutLines;
        var rows = lines.SkipWhile(l => !l.StartsWith("│ class", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('│')).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.NotEqual("0", row.Split('│', StringSplitOptions.TrimEntries)[3]));
    }

    // A heading line starting with `title`, preceded by a blank line, with a table whose first text line starts with `firstCells`.
    private static void AssertSection(string[] lines, string title, string firstCells)
    {
        var i = Array.FindIndex(lines, l => l.StartsWith(title, StringComparison.Ordinal));
        Assert.True(i > 0, $"no heading '{title}'");
        Assert.Equal("", lines[i - 1]);
        Assert.StartsWith("┌", lines[i + 1]);
        Assert.StartsWith(firstCells, lines[i + 2]);
    }
}
