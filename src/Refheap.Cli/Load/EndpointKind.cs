namespace Refheap.Cli.Load;

/// <summary>Which of the talk's endpoints a load request calls.</summary>
public enum EndpointKind
{
    /// <summary><c>PUT /tasks/{task_id}/</c>: create a task.</summary>
    PutTask,

    /// <summary><c>PUT /subtasks/{task_id}/{subtask_id}</c>: add a subtask to it.</summary>
    PutSubtask,

    /// <summary><c>GET /tasks/{task_id}/</c>: read the task.</summary>
    GetTask,

    /// <summary><c>GET /subtasks/{subtask_id}/</c>: read one of its subtasks.</summary>
    GetSubtask,

    /// <summary><c>DELETE /tasks/{task_id}/</c>: drop a task the client holds.</summary>
    DeleteTask,
}
