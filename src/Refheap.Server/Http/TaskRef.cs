using System.Text.Json.Serialization;

namespace Refheap.Server.Http;

/// <summary>The body of <c>PUT /tasks/{task_id}/</c>: which Task was created or found.</summary>
public sealed record TaskRef([property: JsonPropertyName("task_id")] string TaskId);
