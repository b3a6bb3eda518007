using Refheap.Diagnostics.Heapy;

namespace Refheap.DiagnosticsTests.Heapy;

public class HeapyTableTests
{
    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void The_partitions_of_what_was_made_print_as_heapys_tables(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var before = HeapSnapshot.Take(rt);
        TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        TestHeaps.NewTask(rt, taskClass, subtaskClass, 1);
        var made = HeapSnapshot.Take(rt).NewSince(before);

        var text = string.Join("\n", Enum.GetValues<PartitionKind>().Select(by => HeapyFormat.Table(made.PartitionBy(by))));
        Golden.AssertMatches($"heapy.{profile}.txt", text);
    });

    [Fact]
    public void The_table_stops_after_ten_rows_when_more_than_one_is_left()
    {
        var eleven = HeapSnapshotFactory.WithKinds(Enumerable.Range(0, 11).Select(i => ($"k{i:00}", 100L - i)));
        var twelve = HeapSnapshotFactory.WithKinds(Enumerable.Range(0, 12).Select(i => ($"k{i:00}", 100L - i)));
        Assert.Equal(13, HeapyFormat.Table(eleven.PartitionBy(PartitionKind.Clodo)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var lines = HeapyFormat.Table(twelve.PartitionBy(PartitionKind.Clodo)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, lines.Length);
        Assert.Equal("<2 more rows. Type e.g. '_.more' to view.>", lines[^1]);
    }

    [Fact]
    public void Percentages_round_half_to_even_as_python_formats_them()
    {
        Assert.Equal(12, HeapyFormat.Percent(1, 8));
        Assert.Equal(38, HeapyFormat.Percent(3, 8));
        Assert.Equal(0, HeapyFormat.Percent(0, 0));
    }
}
