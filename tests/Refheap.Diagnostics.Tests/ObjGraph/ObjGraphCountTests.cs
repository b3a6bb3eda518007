using Refheap.Diagnostics.ObjGraph;

namespace Refheap.DiagnosticsTests.ObjGraph;

public class ObjGraphCountTests
{
    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Count_and_typestats_see_the_tracked_objects_by_short_and_long_name(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        for (var i = 0; i < 3; i++)
        {
            TestHeaps.NewTask(rt, taskClass, subtaskClass, 2);
        }

        var og = new ObjectGraph(rt, TextWriter.Null);
        Assert.Equal(3, og.Count("Task"));
        Assert.Equal(3, og.Count("__main__.Task"));
        Assert.Equal(6, og.Count("Subtask"));
        Assert.Equal(0, og.Count("other.Task"));
        var stats = og.TypeStats();
        Assert.Equal(3, stats["Task"]);
        Assert.Equal(6, og.TypeStats(shortNames: false)["__main__.Subtask"]);
        Assert.Equal(3, og.ByType("Task").Count);
        Assert.All(og.ByType("Subtask"), h => Assert.Equal("__main__.Subtask", h.TypeName));
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Show_most_common_types_prints_objgraphs_columns(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        var og = new ObjectGraph(rt, TextWriter.Null);
        var objects = og.ByType("Task").Concat(og.ByType("Subtask")).ToList();
        var output = new StringWriter();
        og.ShowMostCommonTypes(objects: objects, file: output);
        Assert.Equal("Subtask 6\nTask    2\n", output.ToString());
        Assert.Equal([("Subtask", 6L)], og.MostCommonTypes(limit: 1, objects: objects));
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Show_growth_prints_the_increase_since_the_last_call(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var og = new ObjectGraph(rt, TextWriter.Null);
        static bool Ours(Handle h) => h.TypeName is "__main__.Task" or "__main__.Subtask";
        var first = new StringWriter();
        og.ShowGrowth(file: first, filter: Ours);
        Assert.Equal("", first.ToString());

        TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        var second = new StringWriter();
        og.ShowGrowth(file: second, filter: Ours);
        Assert.Equal("Subtask        6        +6\nTask           2        +2\n", second.ToString());

        TestHeaps.NewTask(rt, taskClass, subtaskClass, 1);
        Assert.Equal([("Task", 3L, 1L), ("Subtask", 7L, 1L)], og.Growth(filter: Ours).OrderBy(r => r.Name == "Subtask").ToList());
        Assert.Empty(og.Growth(filter: Ours));
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Get_new_ids_returns_the_ids_made_since_the_last_call(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var og = new ObjectGraph(rt, TextWriter.Null);
        TestHeaps.NewTask(rt, taskClass, subtaskClass, 1);
        og.GetNewIds(limit: 0);
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 2);
        var table = new StringWriter();
        var ids = og.GetNewIds(limit: 2, sortBy: "new", file: table);
        Assert.Equal([(long)task.Id], ids["Task"]);
        Assert.Equal(2, ids["Subtask"].Count);
        var lines = table.ToString().Split('\n');
        Assert.Equal(new string('=', lines[1].Length), lines[0]);
        Assert.StartsWith("Type   ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("     Old_ids  Current_ids      New_ids Count_Deltas", lines[1], StringComparison.Ordinal);
        Assert.Same(ids, og.GetNewIds(skipUpdate: true));
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void At_finds_a_tracked_object_by_its_id(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 1);
        var og = new ObjectGraph(rt, TextWriter.Null);
        Assert.True(og.At(task.Id)!.Value.Is(task));
        Assert.Null(og.At(12345));
        Assert.Single(og.AtAddrs([task.Id, 12345]));
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Leaking_objects_are_those_no_object_refers_to(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 2);
        var lone = TestHeaps.NewTask(rt, taskClass, subtaskClass, 0);
        var og = new ObjectGraph(rt, TextWriter.Null);
        var leaking = og.GetLeakingObjects();
        Assert.Contains(leaking, h => h.Is(lone));
        Assert.DoesNotContain(leaking, h => h.Is(task));
        Assert.DoesNotContain(leaking, h => h.TypeName == "__main__.Subtask");
        Assert.DoesNotContain(leaking, h => h.Is(task.GetAttr("_subtasks")));
    });
}
