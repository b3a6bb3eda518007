using Refheap.Server.Stats;

namespace Refheap.Server.Store;

/// <summary>
/// The managed model: <see cref="ManagedTask"/> and <see cref="ManagedSubtask"/> under the
/// .NET GC, in a dictionary behind one lock (as the heap models' runtime lock), for comparison.
/// </summary>
internal sealed class ManagedTaskStore : ITaskStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ManagedTask> _index = [];
    private readonly Dictionary<string, string> _subtaskIndex = [];
    private readonly LiveObjectCounter _tasks = new();
    private readonly LiveObjectCounter _subtasks = new();
    private readonly PauseLog _pauses = new();
    private readonly ManagedPauseSampler _sampler;
    private readonly string _profile;

    /// <summary>Reports <paramref name="profile"/> in /stats, though nothing here uses it.</summary>
    public ManagedTaskStore(Profile profile)
    {
        _profile = profile.Name;
        _sampler = new ManagedPauseSampler(_pauses);
    }

    /// <inheritdoc/>
    public TaskView? GetTask(string taskId)
    {
        try
        {
            lock (_lock)
            {
                return _index.TryGetValue(taskId, out var task) ? new TaskView(taskId, task.Name, [.. task.Subtasks.Keys]) : null;
            }
        }
        finally
        {
            _sampler.Look();
        }
    }

    /// <inheritdoc/>
    public PutOutcome PutTask(string taskId, ItemBody body)
    {
        try
        {
            lock (_lock)
            {
                if (_index.TryGetValue(taskId, out var task))
                {
                    Apply(task, body);
                    return PutOutcome.Existed;
                }

                _index[taskId] = new ManagedTask(_tasks, body.Name, body.Payload);
                return PutOutcome.Created;
            }
        }
        finally
        {
            _sampler.Look();
        }
    }

    /// <inheritdoc/>
    public bool DeleteTask(string taskId)
    {
        try
        {
            lock (_lock)
            {
                if (!_index.Remove(taskId, out var task))
                {
                    return false;
                }

                foreach (var subtaskId in task.Subtasks.Keys)
                {
                    _subtaskIndex.Remove(subtaskId);
                }

                return true;
            }
        }
        finally
        {
            _sampler.Look();
        }
    }

    /// <inheritdoc/>
    public SubtaskView? GetSubtask(string subtaskId)
    {
        try
        {
            lock (_lock)
            {
                return _subtaskIndex.TryGetValue(subtaskId, out var taskId)
                    && _index.TryGetValue(taskId, out var task)
                    && task.Subtasks.TryGetValue(subtaskId, out var subtask)
                    ? new SubtaskView(subtaskId, taskId, subtask.Name)
                    : null;
            }
        }
        finally
        {
            _sampler.Look();
        }
    }

    /// <inheritdoc/>
    public PutOutcome PutSubtask(string taskId, string subtaskId, ItemBody body)
    {
        try
        {
            lock (_lock)
            {
                if (!_index.TryGetValue(taskId, out var task))
                {
                    return PutOutcome.TaskMissing;
                }

                if (_subtaskIndex.TryGetValue(subtaskId, out var owner))
                {
                    if (owner != taskId)
                    {
                        return PutOutcome.Conflict;
                    }

                    Apply(task.Subtasks[subtaskId], body);
                    return PutOutcome.Existed;
                }

                task.Subtasks[subtaskId] = new ManagedSubtask(_subtasks, task, body.Name, body.Payload);
                _subtaskIndex[subtaskId] = taskId;
                return PutOutcome.Created;
            }
        }
        finally
        {
            _sampler.Look();
        }
    }

    /// <inheritdoc/>
    public ServerStats ReadStats(long pausesSince)
    {
        _sampler.Look();
        int tasks;
        lock (_lock)
        {
            tasks = _index.Count;
        }

        var info = GC.GetGCMemoryInfo();
        var inUse = GC.GetTotalMemory(forceFullCollection: false);
        return new ServerStats
        {
            Model = ServerOptions.NameOf(ServerModel.Managed),
            Profile = _profile,
            Tasks = tasks,
            TaskObjects = _tasks.Live,
            SubtaskObjects = _subtasks.Live,
            Collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
            MaxPauseMs = _pauses.MaxPauseMs(),
            Tracked = [0, 0, 0],
            HeapBytesInUse = inUse,

            // The GC's committed bytes are as of its last collection (0 before the first one).
            HeapBytesMapped = Math.Max(info.TotalCommittedBytes, inUse),
            RssBytes = ProcessRss.Read(),
            UnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Pauses = _pauses.Since(pausesSince),
        };
    }

    /// <summary>A blocking gen-2 GC, then the finalizers it queued, then another to free what they released.</summary>
    public void CollectFully()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _sampler.Look();
    }

    /// <summary>Nothing to release: the objects are the .NET GC's.</summary>
    public void Dispose()
    {
    }

    private static void Apply(ManagedTask task, ItemBody body)
    {
        task.Name = body.Name ?? task.Name;
        task.Payload = body.Payload ?? task.Payload;
    }

    private static void Apply(ManagedSubtask subtask, ItemBody body)
    {
        subtask.Name = body.Name ?? subtask.Name;
        subtask.Payload = body.Payload ?? subtask.Payload;
    }
}
