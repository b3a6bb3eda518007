using System.Text.Json.Serialization;

namespace Refheap.Server.Store;

/// <summary>The body of <c>GET /subtasks/{subtask_id}/</c>: the Subtask and the id of its Task.</summary>
public sealed record SubtaskView(
    [property: JsonPropertyName("subtask_id")] string SubtaskId,
    [property: JsonPropertyName("task_id")] string TaskId,
    [property: JsonPropertyName("name")] string? Name);
