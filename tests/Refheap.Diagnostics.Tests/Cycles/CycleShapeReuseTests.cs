using Refheap.Diagnostics.Cycles;

namespace Refheap.DiagnosticsTests.Cycles;

/// <summary>
/// The report searches the cycles of each kind of component once and reuses the shapes for
/// the components built alike: whatever order their objects were made in, and never for a
/// component that differs.
/// </summary>
public class CycleShapeReuseTests
{
    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Structures_built_alike_in_any_order_count_once_each_and_a_different_one_keeps_its_own_shape(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        using var cycles = CycleReporter.Attach(rt);
        using (rt.OpenScope())
        {
            for (var i = 0; i < 3; i++)
            {
                TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
                SubtasksFirst(rt, taskClass, subtaskClass, "_task");
            }

            SubtasksFirst(rt, taskClass, subtaskClass, "owner");
        }

        rt.Gc.Collect();

        // Task._subtasks is in both shapes, so it is the one suggestion, and both shapes end with it.
        Assert.Equal(
            ["dict -[*]-> Subtask -[_task]-> Task -[_subtasks]-> dict: 6 cycles", "dict -[*]-> Subtask -[owner]-> Task -[_subtasks]-> dict: 1 cycle"],
            cycles.Reports[^1].Groups.Select(g => g.ToString()));
        Assert.Equal("Task._subtasks", Assert.Single(cycles.Reports[^1].Suggestions).Edge);
    });

    /// <summary>A Task of 3 Subtasks made Subtasks first, the back-reference named <paramref name="back"/>.</summary>
    private static void SubtasksFirst(Runtime rt, Handle taskClass, Handle subtaskClass, string back)
    {
        var subtasks = new[] { rt.Call(subtaskClass), rt.Call(subtaskClass), rt.Call(subtaskClass) };
        var dict = rt.Dict();
        var task = rt.Call(taskClass);
        task.SetAttr("_subtasks", dict);
        for (var i = 0; i < subtasks.Length; i++)
        {
            subtasks[i].SetAttr(back, task);
            rt.SetItem(dict, rt.Int(i), subtasks[i]);
        }
    }
}
