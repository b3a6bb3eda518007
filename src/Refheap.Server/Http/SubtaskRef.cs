using System.Text.Json.Serialization;

namespace Refheap.Server.Http;

/// <summary>The body of <c>PUT /subtasks/{task_id}/{subtask_id}</c>: which Subtask was created or found, under which Task.</summary>
public sealed record SubtaskRef(
    [property: JsonPropertyName("subtask_id")] string SubtaskId,
    [property: JsonPropertyName("task_id")] string TaskId);
