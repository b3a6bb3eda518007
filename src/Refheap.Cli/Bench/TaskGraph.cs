namespace Refheap.Cli.Bench;

// Inside Refheap.* the name Runtime alone is the namespace Refheap.Runtime.

/// <summary>
/// The talk's Task/Subtask graph built through the public API: a Task holds a dict of 5
/// Subtasks (in <c>_subtasks</c>), each Subtask holds its Task (<c>_task</c>) — the same
/// program as bench/cpython/taskgraph.py and gc_graph.py. This file is also compiled into
/// bench/Refheap.Benchmarks (its gc-graph mode), so both build the same graph.
/// </summary>
/// <remarks>The class handles belong to the scope open when <see cref="Define"/> is called.</remarks>
public sealed class TaskGraph
{
    /// <summary>Subtasks per Task.</summary>
    public const int SubtasksPerTask = 5;

    // The attribute names, interned once as CPython interns a compiled script's names.
    private readonly Name _name;
    private readonly Name _subtasks;
    private readonly Name _task;

    private TaskGraph(Runtime runtime, Handle taskClass, Handle subtaskClass)
    {
        Runtime = runtime;
        TaskClass = taskClass;
        SubtaskClass = subtaskClass;
        _name = runtime.Name("name");
        _subtasks = runtime.Name("_subtasks");
        _task = runtime.Name("_task");
    }

    /// <summary>The runtime the classes live in.</summary>
    public Runtime Runtime { get; }

    /// <summary>The class <c>Task</c> (no methods: attributes are set from outside).</summary>
    public Handle TaskClass { get; }

    /// <summary>The class <c>Subtask</c>.</summary>
    public Handle SubtaskClass { get; }

    /// <summary>Defines <c>Task</c> and <c>Subtask</c> in the current scope.</summary>
    public static TaskGraph Define(Runtime runtime) =>
        new(runtime, runtime.DefineClass("Task"), runtime.DefineClass("Subtask"));

    /// <summary>
    /// Makes one Task named <paramref name="name"/> with its 5 Subtasks; the Task's handle is
    /// in the current scope (open one per Task in a loop). Each Subtask holds its Task strongly
    /// (the Task is a cycle that only the collector frees), or with <paramref name="weak"/> a
    /// weak reference to it (<c>weakref.ref(task)</c>, one shared by the 5 as in CPython), so
    /// that reference counting alone frees a dropped Task.
    /// </summary>
    /// <remarks>
    /// The objects are CPython's: the weak reference is asked for once (CPython's five calls
    /// return the one object), and a Subtask's name is the int it is filed under (as
    /// <c>subtasks[j] = subtask(j, t)</c> passes one object for both).
    /// </remarks>
    public Handle MakeTask(long name, bool weak = false) => MakeTask(Runtime.Int(name), weak);

    /// <summary>
    /// Makes one Task whose <c>name</c> is the object <paramref name="name"/> — as
    /// <c>make_task(i)</c> does in CPython, where the Task's name and the key the caller files
    /// it under are one int object; otherwise as <see cref="MakeTask(long, bool)"/>.
    /// </summary>
    public Handle MakeTask(Handle name, bool weak = false)
    {
        var rt = Runtime;
        var task = rt.Call(TaskClass);
        task.SetAttr(_name, name);
        var subtasks = rt.Dict();
        task.SetAttr(_subtasks, subtasks);
        var back = weak ? rt.WeakRef(task) : task;
        for (var j = 0; j < SubtasksPerTask; j++)
        {
            var subtask = rt.Call(SubtaskClass);
            var index = rt.Int(j);
            subtask.SetAttr(_name, index);
            subtask.SetAttr(_task, back);
            subtasks[index] = subtask;
        }

        return task;
    }

    /// <summary>Appends <paramref name="count"/> new Tasks to <paramref name="list"/>, named from its length on.</summary>
    public void AddTasks(Handle list, int count)
    {
        var rt = Runtime;
        using var gil = rt.Enter(); // one lock for the whole batch
        var first = rt.Length(list);
        for (var i = 0; i < count; i++)
        {
            using var scope = rt.OpenScope(); // this Task's handles go when the loop turns; the list keeps the Task
            rt.Append(list, MakeTask(first + i));
        }
    }

    /// <summary>Builds <paramref name="tasks"/> tasks into a new list, in the caller's scope.</summary>
    public static Handle Build(Runtime rt, int tasks)
    {
        var graph = Define(rt);
        var list = rt.List();
        graph.AddTasks(list, tasks);
        return list;
    }
}
