
namespace Refheap.Benchmarks;

/// <summary>
/// The talk's Task/Subtask graph built through the public API: a Task holds a dict of 5
/// Subtasks (in <c>_subtasks</c>), each Subtask holds its Task (<c>_task</c>) — the same
/// program as bench/cpython/gc_graph.py.
/// </summary>
internal static class TaskGraph
{
    /// <summary>Builds <paramref name="tasks"/> tasks into a new list, in the caller's scope.</summary>
    public static Handle Build(Runtime rt, int tasks)
    {
        var taskClass = rt.DefineClass("Task");
        var subtaskClass = rt.DefineClass("Subtask");
        var list = rt.List();
        using var gil = rt.Enter();
        for (var i = 0; i < tasks; i++)
        {
            using var scope = rt.OpenScope();
            var task = rt.Call(taskClass);
            task.SetAttr("name", rt.Int(i));
            var subtasks = rt.Dict();
            task.SetAttr("_subtasks", subtasks);
            for (var j = 0; j < 5; j++)
            {
                var subtask = rt.Call(subtaskClass);
                subtask.SetAttr("name", rt.Int(j));
                subtask.SetAttr("_task", task);
                subtasks[rt.Int(j)] = subtask;
            }

            rt.Append(list, task);
        }

        return list;
    }
}
