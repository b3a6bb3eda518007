using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Refheap.Server.Store;

namespace Refheap.Server.Tests;

/// <summary>
/// One server on 127.0.0.1 with a free port (real Kestrel, real sockets) and a client for it.
/// The heap models run with the debug allocator, and disposing checks that the heap is back to
/// the census it started from once every Task the test put is deleted and a full collection ran.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    private readonly HashSet<string> _tasks = [];
    private readonly Census? _start;

    private ServerHarness(RefheapServer server)
    {
        Server = server;
        Client = new HttpClient { BaseAddress = new Uri(server.Urls[0]) };
        if (Runtime is { } rt)
        {
            rt.Gc.Collect();
            _start = rt.TakeCensus();
        }
    }

    /// <summary>Every model and profile the server runs: (model, profile).</summary>
    public static TheoryData<string, string> Models => new()
    {
        { "strong", "py27" },
        { "strong", "py312" },
        { "weak", "py27" },
        { "weak", "py312" },
        { "managed", "py27" },
    };

    /// <summary>The two heap models in both profiles.</summary>
    public static TheoryData<string, string> HeapModels => new()
    {
        { "strong", "py27" },
        { "strong", "py312" },
        { "weak", "py27" },
        { "weak", "py312" },
    };

    public RefheapServer Server { get; }

    public HttpClient Client { get; }

    /// <summary>The heap of the strong and weak models; null for managed.</summary>
    public Runtime? Runtime => (Server.Store as HeapTaskStore)?.Runtime;

    public static async Task<ServerHarness> StartAsync(string model = "weak", string profile = "py27", int maxBodyBytes = ServerOptions.DefaultMaxBodyBytes, long heapLimit = 1L << 30)
    {
        var server = await RefheapServer.StartAsync(new ServerOptions
        {
            Model = ServerOptions.ParseModel(model) ?? throw new ArgumentException(model, nameof(model)),
            Profile = Profile.FromName(profile),
            Urls = "http://127.0.0.1:0",
            MaxBodyBytes = maxBodyBytes,
            RuntimeOptions = new RuntimeOptions { DebugAllocator = true, HeapLimit = heapLimit },
        });
        return new ServerHarness(server);
    }

    /// <summary>PUT /tasks/{id}/ with an optional JSON body; the Task is deleted again when the harness goes.</summary>
    public Task<HttpResponseMessage> PutTaskAsync(string id, string? json = null)
    {
        _tasks.Add(id);
        return Client.PutAsync($"/tasks/{id}/", Json(json));
    }

    /// <summary>Deletes Task <paramref name="id"/> when the harness goes (for a Task put without <see cref="PutTaskAsync"/>).</summary>
    public void Track(string id) => _tasks.Add(id);

    public Task<HttpResponseMessage> PutSubtaskAsync(string taskId, string subtaskId, string? json = null) =>
        Client.PutAsync($"/subtasks/{taskId}/{subtaskId}", Json(json));

    /// <summary>A Task with <paramref name="subtasks"/> Subtasks named <c>{id}-s0</c>, <c>{id}-s1</c>, …</summary>
    public async Task MakeTaskAsync(string id, int subtasks)
    {
        Assert.Equal(201, (int)(await PutTaskAsync(id, """{"name": "task", "payload": "xxxxxxxx"}""")).StatusCode);
        for (var i = 0; i < subtasks; i++)
        {
            Assert.Equal(201, (int)(await PutSubtaskAsync(id, $"{id}-s{i}", """{"name": "subtask"}""")).StatusCode);
        }
    }

    /// <summary>GET /stats (with <c>?pausesSince=</c> when given) as a JSON document.</summary>
    public async Task<JsonElement> StatsAsync(long? pausesSince = null)
    {
        var response = await Client.GetAsync(pausesSince is null ? "/stats" : $"/stats?pausesSince={pausesSince}");
        Assert.Equal(200, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static StringContent? Json(string? json) =>
        json is null ? null : new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>Deletes the Tasks the test put, collects, checks the census, and stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var id in _tasks)
            {
                await Client.DeleteAsync($"/tasks/{id}/");
            }

            if (Runtime is { } rt && _start is not null)
            {
                rt.Gc.Collect();
                var now = rt.TakeCensus();
                Assert.True(now.SameObjectsAs(_start), "objects left over: " + string.Join(", ", now.Since(_start).Select(p => $"{p.Key} {p.Value:+#;-#}")));
            }
        }
        finally
        {
            Client.Dispose();
            await Server.DisposeAsync();
        }
    }
}
