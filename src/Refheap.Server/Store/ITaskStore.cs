using Refheap.Server.Stats;

namespace Refheap.Server.Store;

/// <summary>
/// Where the server keeps its Tasks and Subtasks: one implementation on the Refheap heap
/// (<see cref="HeapTaskStore"/>, strong or weak back-references), one of plain .NET objects
/// (<see cref="ManagedTaskStore"/>). Every method is safe to call from concurrent requests.
/// </summary>
internal interface ITaskStore : IDisposable
{
    /// <summary>The Task and its Subtasks' ids, or null when the index has no such Task.</summary>
    TaskView? GetTask(string taskId);

    /// <summary>Creates the Task, or applies the body to the existing one.</summary>
    PutOutcome PutTask(string taskId, ItemBody body);

    /// <summary>Removes the Task from the index (nothing else is cleared); false when absent.</summary>
    bool DeleteTask(string taskId);

    /// <summary>The Subtask with its Task's id, or null when no Task in the index has it.</summary>
    SubtaskView? GetSubtask(string subtaskId);

    /// <summary>Creates the Subtask under the Task, or applies the body to the existing one.</summary>
    PutOutcome PutSubtask(string taskId, string subtaskId, ItemBody body);

    /// <summary>
    /// The model's counts and memory now, with the pause records numbered above
    /// <paramref name="pausesSince"/>; <see cref="ServerStats.Requests"/> is left 0 for the caller.
    /// </summary>
    ServerStats ReadStats(long pausesSince);

    /// <summary>A full collection now: the heap's collector, or the .NET GC with its finalizers (tests).</summary>
    void CollectFully();
}
