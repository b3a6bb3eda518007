
namespace Refheap.Cli.Stats;

// Inside Refheap.* the name Runtime alone is the namespace Refheap.Runtime.

/// <summary>
/// The talk's domain as a heap: a table of live Tasks, each with a <c>_subtasks</c> dict of
/// Subtasks that point back at their Task through <c>_task</c>. Every Task is therefore a
/// cycle (Task → _subtasks → Subtask → Task), so a dropped Task is freed only by the collector.
/// </summary>
public static class TaskHeapDemo
{
    /// <summary>Subtasks per Task.</summary>
    public const int SubtasksPerTask = 5;

    /// <summary>
    /// Builds <paramref name="tasks"/> Tasks, drops every other one (ids 0, 2, 4, …), runs
    /// <c>gc.collect()</c> and captures the report while the kept Tasks are still alive.
    /// </summary>
    public static StatsReport Run(Profile profile, int tasks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tasks);
        using var runtime = new Runtime(profile);
        using var gil = runtime.Enter(); // one lock for the whole batch instead of one per call
        using var scope = runtime.OpenScope();

        var taskClass = runtime.DefineClass("Task");
        var subtaskClass = runtime.DefineClass("Subtask");
        var live = runtime.Dict(); // id → Task, as the talk's server keeps them

        for (var id = 0; id < tasks; id++)
        {
            using var perTask = runtime.OpenScope(); // this Task's handles go when the loop turns; `live` keeps the Task
            var key = runtime.Int(id);
            var task = taskClass.Call();
            task.SetAttr("id", key);
            var subtasks = runtime.Dict();
            for (var n = 0; n < SubtasksPerTask; n++)
            {
                var subtask = subtaskClass.Call();
                subtask.SetAttr("_task", task); // the strong back-reference that makes the cycle
                subtasks[runtime.Int(n)] = subtask;
            }

            task.SetAttr("_subtasks", subtasks);
            live[key] = task;
        }

        var dropped = 0;
        for (var id = 0; id < tasks; id += 2)
        {
            using var perDrop = runtime.OpenScope();
            runtime.DelItem(live, runtime.Int(id)); // refcount alone cannot free it: the cycle holds it
            dropped++;
        }

        var unreachable = runtime.Gc.Collect();
        var demo = new DemoSummary(tasks, SubtasksPerTask, dropped, tasks - dropped, unreachable);
        return StatsReport.Capture(runtime, demo);
    }
}
