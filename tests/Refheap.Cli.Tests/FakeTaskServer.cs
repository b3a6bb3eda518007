using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Refheap.Cli.Tests;

/// <summary>
/// The server contract of docs/server.md in a few dictionaries, on Kestrel at 127.0.0.1:0: the
/// load generator's tests need answers and a /stats, not a heap. Like version 1, a deleted task
/// stays "alive" until every tenth deletion runs a "full collection" (recorded as a pause).
/// </summary>
internal sealed class FakeTaskServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<string>> _tasks = new();
    private readonly ConcurrentDictionary<string, string> _subtasks = new();
    private readonly List<object> _pauses = [];
    private readonly Lock _lock = new();
    private long _deadTasks;
    private long _deletes;
    private long _requests;

    private FakeTaskServer(WebApplication app, string model)
    {
        _app = app;
        Model = model;
    }

    public string Model { get; }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The pauses it has recorded (numbered 1 to this).</summary>
    public int PauseCount
    {
        get
        {
            lock (_lock)
            {
                return _pauses.Count;
            }
        }
    }

    /// <summary>Every request path it served, in arrival order.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public static async Task<FakeTaskServer> StartAsync(string model = "strong")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeTaskServer(app, model);
        server.Map(app);
        await app.StartAsync();
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path != "/stats")
            {
                Interlocked.Increment(ref _requests);
                Log.Enqueue($"{context.Request.Method} {context.Request.Path}");
            }

            await next(context);
        });
        app.MapPut("/tasks/{id}/", (string id) => _tasks.TryAdd(id, []) ? Results.Json(new { task_id = id }, statusCode: 201) : Results.Json(new { task_id = id }));
        app.MapGet("/tasks/{id}/", (string id) => _tasks.TryGetValue(id, out var subs) ? Results.Json(new { task_id = id, name = id, subtasks = subs }) : Results.NotFound());
        app.MapDelete("/tasks/{id}/", (string id) =>
        {
            if (!_tasks.TryRemove(id, out var subs))
            {
                return Results.NotFound();
            }

            foreach (var s in subs)
            {
                _subtasks.TryRemove(s, out _);
            }

            Interlocked.Increment(ref _deadTasks);
            if (Interlocked.Increment(ref _deletes) % 10 == 0)
            {
                lock (_lock)
                {
                    _pauses.Add(new { seq = _pauses.Count + 1, generation = 2, finishedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), elapsedMs = 1.5, collected = 60, uncollectable = 0, automatic = true });
                }

                Interlocked.Exchange(ref _deadTasks, 0);
            }

            return Results.NoContent();
        });
        app.MapPut("/subtasks/{taskId}/{id}", (string taskId, string id) =>
        {
            if (!_tasks.TryGetValue(taskId, out var subs))
            {
                return Results.NotFound();
            }

            lock (subs)
            {
                subs.Add(id);
            }

            return _subtasks.TryAdd(id, taskId) ? Results.Json(new { subtask_id = id }, statusCode: 201) : Results.Json(new { subtask_id = id });
        });
        app.MapGet("/subtasks/{id}/", (string id) => _subtasks.TryGetValue(id, out var task) ? Results.Json(new { subtask_id = id, task_id = task, name = id }) : Results.NotFound());
        app.MapGet("/stats", (long? pausesSince) =>
        {
            object[] pauses;
            int collections;
            lock (_lock)
            {
                pauses = [.. _pauses.Skip((int)(pausesSince ?? 0))];
                collections = _pauses.Count;
            }

            var tasks = _tasks.Count;
            var dead = Interlocked.Read(ref _deadTasks);
            return Results.Json(
                new
                {
                    model = Model,
                    profile = "py27",
                    tasks,
                    taskObjects = tasks + (Model == "strong" ? dead : 0),
                    subtaskObjects = _subtasks.Count,
                    collections = new[] { 10L, 1L, collections },
                    maxPauseMs = new[] { 0.1, 0.2, 1.5 },
                    tracked = new[] { 5L, 6L, tasks * 7L },
                    heapBytesInUse = tasks * 1000L,
                    heapBytesMapped = (tasks * 1000L) + 262144,
                    rssBytes = 50_000_000L + (tasks * 2000L),
                    requests = Interlocked.Read(ref _requests),
                    unixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    pauses,
                },
                JsonSerializerOptions.Web);
        });
    }
}
