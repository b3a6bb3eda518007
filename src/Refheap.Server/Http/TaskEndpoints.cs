using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Refheap.Server.Stats;
using Refheap.Server.Store;

namespace Refheap.Server.Http;

/// <summary>
/// The talk's API (trailing slashes as it wrote them) and <c>/stats</c>. Ids are checked here
/// (400), bodies read here (400, 413); the store does the rest under its lock.
/// </summary>
internal static class TaskEndpoints
{
    private const string Json = "application/json";
    private const string TaskRoute = "/tasks/{task_id}/";
    private const string SubtaskRoute = "/subtasks/{subtask_id}/";

    /// <summary>Maps every endpoint onto <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, ITaskStore store, int maxBodyBytes, RequestCounter requests)
    {
        var api = app.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            requests.Add();
            return result;
        });

        api.MapGet(TaskRoute, ([FromRoute(Name = "task_id")] string taskId) =>
                BadId(taskId, "task_id")
                ?? (store.GetTask(taskId) is { } task ? Results.Ok(task) : NotFound($"no task '{taskId}'")))
            .WithName("GetTask")
            .WithSummary("The task and the ids of its subtasks")
            .Produces<TaskView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut(TaskRoute, async (HttpRequest request, [FromRoute(Name = "task_id")] string taskId, CancellationToken cancellationToken) =>
            {
                if (BadId(taskId, "task_id") is { } bad)
                {
                    return bad;
                }

                var (body, problem) = await BodyReader.ReadAsync(request, maxBodyBytes, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }

                var reference = new TaskRef(taskId);
                return store.PutTask(taskId, body!) == PutOutcome.Created
                    ? Results.Created($"/tasks/{taskId}/", reference)
                    : Results.Ok(reference);
            })
            .WithName("PutTask")
            .WithSummary("Creates the task (201), or updates the name and payload of the existing one (200)")
            .AddOpenApiOperationTransformer(OptionalJsonBody)
            .Produces<TaskRef>(StatusCodes.Status201Created)
            .Produces<TaskRef>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapDelete(TaskRoute, ([FromRoute(Name = "task_id")] string taskId) =>
                BadId(taskId, "task_id")
                ?? (store.DeleteTask(taskId) ? Results.NoContent() : NotFound($"no task '{taskId}'")))
            .WithName("DeleteTask")
            .WithSummary("Removes the task from the index; its objects die when nothing else holds them")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(SubtaskRoute, ([FromRoute(Name = "subtask_id")] string subtaskId) =>
                BadId(subtaskId, "subtask_id")
                ?? (store.GetSubtask(subtaskId) is { } subtask ? Results.Ok(subtask) : NotFound($"no subtask '{subtaskId}'")))
            .WithName("GetSubtask")
            .WithSummary("The subtask with the id of its task")
            .Produces<SubtaskView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/subtasks/{task_id}/{subtask_id}", async (
                HttpRequest request,
                [FromRoute(Name = "task_id")] string taskId,
                [FromRoute(Name = "subtask_id")] string subtaskId,
                CancellationToken cancellationToken) =>
            {
                if ((BadId(taskId, "task_id") ?? BadId(subtaskId, "subtask_id")) is { } bad)
                {
                    return bad;
                }

                var (body, problem) = await BodyReader.ReadAsync(request, maxBodyBytes, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }

                var reference = new SubtaskRef(subtaskId, taskId);
                return store.PutSubtask(taskId, subtaskId, body!) switch
                {
                    PutOutcome.Created => Results.Created($"/subtasks/{subtaskId}/", reference),
                    PutOutcome.Existed => Results.Ok(reference),
                    PutOutcome.TaskMissing => NotFound($"no task '{taskId}'"),
                    _ => Results.Problem(
                        detail: $"subtask '{subtaskId}' belongs to another task",
                        statusCode: StatusCodes.Status409Conflict,
                        title: "Subtask id taken"),
                };
            })
            .WithName("PutSubtask")
            .WithSummary("Creates the subtask under the task (201), or updates the existing one (200)")
            .AddOpenApiOperationTransformer(OptionalJsonBody)
            .Produces<SubtaskRef>(StatusCodes.Status201Created)
            .Produces<SubtaskRef>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        app.MapGet("/stats", ([FromQuery] long? pausesSince) => Results.Ok(store.ReadStats(pausesSince ?? 0) with { Requests = requests.Served }))
            .WithName("GetStats")
            .WithSummary("Tasks, live Task and Subtask objects, the collector's work and the process's memory")
            .Produces<ServerStats>();
    }

    /// <summary>
    /// Writes the talk's paths back as it wrote them: routing drops a template's trailing slash
    /// (both forms match), so the OpenAPI document would show <c>/tasks/{task_id}</c>.
    /// </summary>
    public static void RestoreTrailingSlashes(OpenApiPaths paths)
    {
        foreach (var route in new[] { TaskRoute, SubtaskRoute })
        {
            if (paths.Remove(route.TrimEnd('/'), out var item))
            {
                paths[route] = item;
            }
        }
    }

    // The body is documented but not declared with Accepts: its content-type check would turn a
    // JSON body sent as text/plain (HttpClient's StringContent default) into 415.
    private static async Task OptionalJsonBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = false,
            Description = "Optional; any content type is read as JSON",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Json] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(ItemBody), cancellationToken: cancellationToken) },
            },
        };
    }

    private static IResult? BadId(string id, string name) =>
        TaskIds.IsValid(id)
            ? null
            : Results.Problem(
                detail: $"{name} must match {TaskIds.Rule}",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed id");

    private static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
