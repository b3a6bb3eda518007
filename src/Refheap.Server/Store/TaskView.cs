using System.Text.Json.Serialization;

namespace Refheap.Server.Store;

/// <summary>The body of <c>GET /tasks/{task_id}/</c>: the Task and the ids of its Subtasks, in insertion order.</summary>
public sealed record TaskView(
    [property: JsonPropertyName("task_id")] string TaskId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("subtasks")] IReadOnlyList<string> Subtasks);
