using System.Text.Json;
using Refheap.Cli;
using Refheap.Diagnostics.Heapy;

namespace Refheap.DiagnosticsTests.Cli;

/// <summary><c>refheap heap</c> on snapshot files a program wrote.</summary>
public sealed class HeapCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("refheap-heap-");

    public void Dispose() => _dir.Delete(recursive: true);

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = RefheapCommand.Run(args, CliConsole.FromWriters(output, error));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Writes a snapshot with one Task (and its subtasks) and another after a second Task was made.</summary>
    private (string Before, string After) WriteSnapshots(string profile)
    {
        var before = Path.Combine(_dir.FullName, "before.jsonl");
        var after = Path.Combine(_dir.FullName, "after.jsonl");
        TestHeaps.Check(profile, rt =>
        {
            var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
            TestHeaps.NewTask(rt, taskClass, subtaskClass, 2);
            SnapshotFile.Write(HeapSnapshot.Take(rt), before);
            TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
            SnapshotFile.Write(HeapSnapshot.Take(rt), after);
        });
        return (before, after);
    }

    [Fact]
    public void One_snapshot_prints_heapys_table_and_the_dominators()
    {
        var (_, after) = WriteSnapshots("py312");
        var (exit, output, error) = Run("heap", after, "--dominators", "2");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var lines = output.Split('\n');
        Assert.StartsWith("Partition of a set of ", lines[0], StringComparison.Ordinal);
        Assert.Equal(" Index  Count   %     Size   % Cumulative  % Kind (class / dict of class)", lines[1]);
        Assert.Contains("Dominators: the 2 objects retaining the most of ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_snapshots_print_what_was_allocated_in_between_and_is_still_alive()
    {
        var (before, after) = WriteSnapshots("py27");
        var (exit, output, _) = Run("heap", before, after, "--by", "type");
        Assert.Equal(0, exit);
        Assert.Contains($"Allocated after {before} and alive in {after}: ", output, StringComparison.Ordinal);
        Assert.Contains("      1  ", output.Split('\n').Single(l => l.EndsWith(" __main__.Task", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("      3  ", output.Split('\n').Single(l => l.EndsWith(" __main__.Subtask", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("% Type", output.Split('\n')[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Path_shows_how_a_root_reaches_an_object()
    {
        var file = Path.Combine(_dir.FullName, "one.jsonl");
        long sub = 0;
        TestHeaps.Check("py312", rt =>
        {
            var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
            var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 2);
            using (rt.OpenScope())
            {
                sub = rt.GetItem(task.GetAttr("_subtasks"), rt.Int(1)).Id;
            }

            SnapshotFile.Write(HeapSnapshot.Take(rt), file);
        });
        var (exit, output, _) = Run("heap", file, "--path", $"0x{sub:x}");
        Assert.Equal(0, exit);
        Assert.Matches(@"\n  <__main__\.Task at 0x[0-9a-f]+>\._subtasks\[1\]\n$", output);

        (exit, _, var error) = Run("heap", file, "--path", "12");
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal($"refheap: no object at 0xc in {file}\n", error);
    }

    [Fact]
    public void Json_gives_the_rows_and_dominators()
    {
        var (_, after) = WriteSnapshots("py312");
        var (exit, output, _) = Run("heap", after, "--json", "--by", "rcs", "-d", "1");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("rcs", doc.RootElement.GetProperty("by").GetString());
        Assert.True(doc.RootElement.GetProperty("rows").GetArrayLength() > 0);
        Assert.Equal(1, doc.RootElement.GetProperty("dominators").GetArrayLength());
    }

    [Fact]
    public void A_missing_file_or_a_bad_option_is_one_line_on_stderr()
    {
        var missing = Path.Combine(_dir.FullName, "missing.jsonl");
        var (exit, output, error) = Run("heap", missing);
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"refheap: cannot read {missing}: ", error, StringComparison.Ordinal);

        (exit, _, error) = Run("heap", missing, "--by", "colour");
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("invalid value 'colour' for --by (expected type, clodo, rcs or size)", error, StringComparison.Ordinal);
    }
}
