using Refheap.Server.Stats;

namespace Refheap.Server.Store;

/// <summary>
/// Tasks and Subtasks on a Refheap heap, as the talk's Python server kept them: a class
/// <c>Task</c> with <c>name</c>, <c>payload</c> and <c>_subtasks</c> (a dict subtask_id →
/// Subtask), a class <c>Subtask</c> with <c>name</c>, <c>payload</c> and <c>_task</c> — the Task
/// itself (strong: every Task is a cycle) or <c>weakref.ref(task)</c> (weak).
/// </summary>
/// <remarks>
/// The index (a dict task_id → Task) and the subtask index (a dict subtask_id → task_id, strs
/// only, so the collector never tracks it) are held by persistent handles. Every operation
/// holds the runtime lock and opens a handle scope, so a dropped Task dies — or, strong, waits
/// for the collector — when the request's scope closes. The collector runs on its own
/// thresholds; nothing here calls it except <see cref="CollectFully"/> (tests).
/// </remarks>
internal sealed class HeapTaskStore : ITaskStore
{
    private readonly bool _weak;
    private readonly PersistentHandle _taskClass;
    private readonly PersistentHandle _subtaskClass;
    private readonly PersistentHandle _index;
    private readonly PersistentHandle _subtaskIndex;
    private readonly PauseLog _pauses = new();

    /// <summary>Makes the runtime, the two classes and the empty indexes.</summary>
    public HeapTaskStore(ServerModel model, Profile profile, RuntimeOptions options)
    {
        if (model == ServerModel.Managed)
        {
            throw new ArgumentException("the heap store keeps the strong or the weak model", nameof(model));
        }

        _weak = model == ServerModel.Weak;
        Model = model;
        Runtime = new Runtime(profile, options);
        Runtime.Gc.Collected += r => _pauses.Add(r.Generation, r.FinishedAt, r.Elapsed, r.Collected, r.Uncollectable, r.Automatic);
        using var gil = Runtime.Enter();
        using var scope = Runtime.OpenScope();
        _taskClass = Runtime.Persist(Runtime.DefineClass("Task"));
        _subtaskClass = Runtime.Persist(Runtime.DefineClass("Subtask"));
        _index = Runtime.Persist(Runtime.Dict());
        _subtaskIndex = Runtime.Persist(Runtime.Dict());
    }

    /// <summary>Strong or weak.</summary>
    public ServerModel Model { get; }

    /// <summary>The heap (tests reach its collector through it).</summary>
    public Runtime Runtime { get; }

    /// <inheritdoc/>
    public TaskView? GetTask(string taskId)
    {
        var rt = Runtime;
        using var gil = rt.Enter();
        using var scope = rt.OpenScope();
        if (!rt.TryGetItem(_index.Get(), taskId, out var task))
        {
            return null;
        }

        var subtasks = rt.Keys(task.GetAttr("_subtasks"));
        var ids = new string[subtasks.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = rt.ToText(subtasks[i]);
        }

        return new TaskView(taskId, NameOf(task), ids);
    }

    /// <inheritdoc/>
    public PutOutcome PutTask(string taskId, ItemBody body)
    {
        var rt = Runtime;
        using var gil = rt.Enter();
        using var scope = rt.OpenScope();
        var index = _index.Get();
        if (rt.TryGetItem(index, taskId, out var task))
        {
            Apply(task, body);
            return PutOutcome.Existed;
        }

        task = _taskClass.Get().Call();
        task.SetAttr("name", body.Name is null ? rt.None : rt.Str(body.Name));
        task.SetAttr("_subtasks", rt.Dict());
        if (body.Payload is not null)
        {
            task.SetAttr("payload", rt.Str(body.Payload));
        }

        index[rt.Str(taskId)] = task;
        return PutOutcome.Created;
    }

    /// <inheritdoc/>
    public bool DeleteTask(string taskId)
    {
        var rt = Runtime;
        using var gil = rt.Enter();
        using var scope = rt.OpenScope();
        var index = _index.Get();
        if (!rt.TryGetItem(index, taskId, out var task))
        {
            return false;
        }

        // The subtask index forgets the Task's Subtasks; the Task, its dict and the Subtasks'
        // back-references stay as they are (the talk's server only dropped the Task).
        var subtaskIndex = _subtaskIndex.Get();
        foreach (var subtaskId in rt.Keys(task.GetAttr("_subtasks")))
        {
            rt.DelItem(subtaskIndex, subtaskId);
        }

        rt.DelItem(index, rt.Str(taskId));
        return true;
    }

    /// <inheritdoc/>
    public SubtaskView? GetSubtask(string subtaskId)
    {
        var rt = Runtime;
        using var gil = rt.Enter();
        using var scope = rt.OpenScope();
        if (!rt.TryGetItem(_subtaskIndex.Get(), subtaskId, out var owner))
        {
            return null;
        }

        var taskId = rt.ToText(owner);
        if (!rt.TryGetItem(_index.Get(), taskId, out var task)
            || !rt.TryGetItem(task.GetAttr("_subtasks"), subtaskId, out var subtask))
        {
            return null;
        }

        return new SubtaskView(subtaskId, taskId, NameOf(subtask));
    }

    /// <inheritdoc/>
    public PutOutcome PutSubtask(string taskId, string subtaskId, ItemBody body)
    {
        var rt = Runtime;
        using var gil = rt.Enter();
        using var scope = rt.OpenScope();
        if (!rt.TryGetItem(_index.Get(), taskId, out var task))
        {
            return PutOutcome.TaskMissing;
        }

        var subtaskIndex = _subtaskIndex.Get();
        var subtasks = task.GetAttr("_subtasks");
        if (rt.TryGetItem(subtaskIndex, subtaskId, out var owner))
        {
            if (rt.ToText(owner) != taskId)
            {
                return PutOutcome.Conflict;
            }

            rt.TryGetItem(subtasks, subtaskId, out var existing);
            Apply(existing, body);
            return PutOutcome.Existed;
        }

        var subtask = _subtaskClass.Get().Call();
        subtask.SetAttr("name", body.Name is null ? rt.None : rt.Str(body.Name));
        subtask.SetAttr("_task", _weak ? rt.WeakRef(task) : task);
        if (body.Payload is not null)
        {
            subtask.SetAttr("payload", rt.Str(body.Payload));
        }

        var key = rt.Str(subtaskId);
        subtasks[key] = subtask;
        subtaskIndex[key] = rt.Str(taskId);
        return PutOutcome.Created;
    }

    /// <inheritdoc/>
    public ServerStats ReadStats(long pausesSince)
    {
        var rt = Runtime;
        using var gil = rt.Enter();
        using var scope = rt.OpenScope();
        var gc = rt.Gc.GetStats();
        var (t0, t1, t2) = rt.Gc.TrackedObjects();
        var memory = rt.MemoryStats;
        return new ServerStats
        {
            Model = ServerOptions.NameOf(Model),
            Profile = rt.Profile.Name,
            Tasks = rt.Length(_index.Get()),
            TaskObjects = rt.LiveInstances(_taskClass.Get()),
            SubtaskObjects = rt.LiveInstances(_subtaskClass.Get()),
            Collections = [gc[0].Collections, gc[1].Collections, gc[2].Collections],
            MaxPauseMs = [gc[0].MaxPause.TotalMilliseconds, gc[1].MaxPause.TotalMilliseconds, gc[2].MaxPause.TotalMilliseconds],
            Tracked = [t0, t1, t2],
            HeapBytesInUse = memory.BytesInUse,
            HeapBytesMapped = memory.BytesMapped,
            RssBytes = ProcessRss.Read(),
            UnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Pauses = _pauses.Since(pausesSince),
        };
    }

    /// <inheritdoc/>
    public void CollectFully() => Runtime.Gc.Collect();

    /// <summary>Releases the indexes and the classes, then the whole heap.</summary>
    public void Dispose() => Runtime.Dispose();

    private static string? NameOf(Handle o)
    {
        var name = o.GetAttr("name");
        return name.Is(o.Runtime.None) ? null : o.Runtime.ToText(name);
    }

    private static void Apply(Handle o, ItemBody body)
    {
        var rt = o.Runtime;
        if (body.Name is not null)
        {
            o.SetAttr("name", rt.Str(body.Name));
        }

        if (body.Payload is not null)
        {
            o.SetAttr("payload", rt.Str(body.Payload));
        }
    }
}
