using Refheap.Diagnostics.Cycles;

namespace Refheap.DiagnosticsTests.Cycles;

public class CycleReportTests
{
    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void The_talks_task_subtask_cycles_are_one_shape_and_the_task_back_reference_is_the_edge_to_make_weak(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        using var cycles = CycleReporter.Attach(rt);
        using (rt.OpenScope())
        {
            for (var i = 0; i < 10; i++)
            {
                TestHeaps.NewTask(rt, taskClass, subtaskClass, 5);
            }
        }

        rt.Gc.Collect();
        var report = cycles.Reports[^1];
        var group = Assert.Single(report.Groups);
        Assert.Equal("Task -[_subtasks]-> dict -[*]-> Subtask -[_task]-> Task", group.Shape);
        Assert.Equal(10, group.Cycles);
        var suggestion = Assert.Single(report.Suggestions);
        Assert.Equal("Subtask._task", suggestion.Edge);
        Assert.Equal(10, suggestion.CyclesBroken);
        Assert.Equal(
            $"gc: generation 2 collection found {report.GarbageObjects:N0} unreachable objects in 10 cycles of 1 shape:\n"
            + "  Task -[_subtasks]-> dict -[*]-> Subtask -[_task]-> Task: 10 cycles\n"
            + "  suggestion: make Subtask._task a weak reference (weakref.ref or weakref.proxy): that breaks 10 of the 10 cycles\n",
            report.ToString());
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Cycles_through_a_list_name_the_item_edge_and_end_with_the_attribute_to_make_weak(string profile) => TestHeaps.Check(profile, rt =>
    {
        var node = rt.DefineClass("Node");
        using var cycles = CycleReporter.Attach(rt);
        using (rt.OpenScope())
        {
            for (var i = 0; i < 3; i++)
            {
                var a = rt.Call(node);
                a.SetAttr("me", rt.List(a));
            }

            var x = rt.Call(node);
            x.SetAttr("self", x);
        }

        rt.Gc.Collect();
        var report = cycles.Reports[^1];
        Assert.Equal(["list -[i]-> Node -[me]-> list: 3 cycles", "Node -[self]-> Node: 1 cycle"], report.Groups.Select(g => g.ToString()));
    });

    [Fact]
    public void Disposing_the_reporter_puts_the_previous_observer_back() => TestHeaps.Check("py312", rt =>
    {
        var cycles = CycleReporter.Attach(rt);
        Assert.NotNull(rt.Gc.Observer);
        cycles.Dispose();
        Assert.Null(rt.Gc.Observer);
        rt.Gc.Collect();
        Assert.Empty(cycles.Reports);
    });
}
