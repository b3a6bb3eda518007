using Refheap.Diagnostics.Heapy;

namespace Refheap.DiagnosticsTests.Heapy;

public class HeapSnapshotTests
{
    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void A_snapshot_holds_untracked_objects_sizes_kinds_and_named_references(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 2);
        task.SetAttr("name", rt.Str("write the talk, not a single interned string"));
        var s = HeapSnapshot.Take(rt);
        var t = s.IndexOf(task.Id);
        Assert.True(s[t].IsRoot);
        Assert.Equal("__main__.Task", s[t].Kind);
        Assert.Contains(s.Objects, o => o.TypeName == "str" && !o.Tracked);
        if (profile == "py27")
        {
            var dict = s.ReferencesFrom(t).ToArray().Single(r => r.Label == "__dict__").Target;
            Assert.Equal("dict of __main__.Task", s[dict].Kind);
            Assert.Contains(s.ReferencesFrom(dict).ToArray(), r => r.Label == "[_subtasks]");
        }
        else
        {
            Assert.Contains(s.ReferencesFrom(t).ToArray(), r => r.Label == "_subtasks");
        }

        var path = s.ShortestPathFromRoots(s.IndexOf(TestHeaps.Subtask(rt, task, 1).Id));
        Assert.Equal("__main__.Subtask", s[path[^1].Index].TypeName);
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void The_shortest_path_from_the_roots_names_each_reference(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 2);
        int sub;
        var s = HeapSnapshot.Take(rt);
        using (rt.OpenScope())
        {
            sub = s.IndexOf(rt.GetItem(task.GetAttr("_subtasks"), rt.Int(1)).Id);
        }

        var labels = s.ShortestPathFromRoots(sub).Select(p => p.Label).ToList();
        Assert.Equal(profile == "py27" ? ["__dict__", "[_subtasks]", "[1]", ""] : ["_subtasks", "[1]", ""], labels);
        var expression = profile == "py27" ? ".__dict__['_subtasks'][1]" : "._subtasks[1]";
        Assert.Equal(
            $"Shortest path from a root to __main__.Subtask at 0x{s[sub].Address:x}:\n  <__main__.Task at 0x{task.Id:x}>{expression}\n",
            HeapyFormat.Path(s, sub));
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void A_task_retains_its_subtasks_and_dicts(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        var s = HeapSnapshot.Take(rt);
        var tree = s.Dominators();
        var t = s.IndexOf(task.Id);
        var subtasks = s.Objects.Where(o => o.TypeName == "__main__.Subtask").ToList();
        Assert.Equal(3, subtasks.Count);
        Assert.All(subtasks, o => Assert.True(tree.Dominates(t, o.Index)));
        Assert.True(tree.RetainedSize(t) >= s[t].Size + subtasks.Sum(o => o.Size));
        Assert.Contains("__main__.Task at 0x", HeapyFormat.Dominators(s, tree, 3), StringComparison.Ordinal);
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void A_snapshot_file_reads_back_the_same_and_diffs_show_what_was_made(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        TestHeaps.NewTask(rt, taskClass, subtaskClass, 2);
        var a = HeapSnapshot.Take(rt);
        TestHeaps.NewTask(rt, taskClass, subtaskClass, 5);
        var b = HeapSnapshot.Take(rt);

        using var stream = new MemoryStream();
        SnapshotFile.Write(b, stream);
        stream.Position = 0;
        var read = SnapshotFile.Read(stream);
        Assert.Equal(b.Profile, read.Profile);
        Assert.Equal(b.TakenAt, read.TakenAt);
        Assert.Equal(b.Objects, read.Objects);
        for (var i = 0; i < b.Count; i++)
        {
            Assert.Equal(b.ReferencesFrom(i).ToArray(), read.ReferencesFrom(i).ToArray());
        }

        var made = read.NewSince(a);
        Assert.Equal(1, made.Objects.Count(o => o.TypeName == "__main__.Task"));
        Assert.Equal(b.Count - a.Count, made.Count);
        Assert.Equal(5, made.Objects.Count(o => o.TypeName == "__main__.Subtask"));
        Assert.DoesNotContain(a.NewSince(b).Objects, o => o.TypeName.StartsWith("__main__.", StringComparison.Ordinal));
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void In_a_difference_referrers_and_roots_account_for_the_old_objects(string profile) => TestHeaps.Check(profile, rt =>
    {
        var keep = rt.List();
        var a = HeapSnapshot.Take(rt);
        using (rt.OpenScope())
        {
            rt.Append(keep, rt.List(rt.Str("new, held by an old list, and not interned")));
        }

        var made = HeapSnapshot.Take(rt).NewSince(a);
        var inner = made.Objects.Single(o => o.TypeName == "list");
        var str = made.Objects.Single(o => o.TypeName == "str");
        Assert.True(inner.IsRoot);
        Assert.False(str.IsRoot);
        Assert.Equal(["list"], made.ReferrerKinds(inner.Index));
        var rows = made.PartitionBy(PartitionKind.Rcs).Rows;
        Assert.Equal(["list"], rows.Select(r => r.Kind).Distinct());
        Assert.True(made.Dominators().Dominates(inner.Index, str.Index));
    });

    [Fact]
    public void A_file_that_is_not_a_snapshot_is_rejected_with_its_name()
    {
        using var stream = new MemoryStream("{\"format\":\"other\"}\n"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => SnapshotFile.Read(stream, "x.jsonl"));
        Assert.StartsWith("x.jsonl: not a heap snapshot", e.Message, StringComparison.Ordinal);
    }
}
