using System.Text.Json;

namespace Refheap.Server.Tests;

/// <summary><c>GET /stats</c>: its shape, its counts, and the pause records it hands out once each.</summary>
public sealed class StatsTests
{
    private static readonly string[] s_fields =
    [
        "model", "profile", "tasks", "taskObjects", "subtaskObjects", "collections", "maxPauseMs", "tracked",
        "heapBytesInUse", "heapBytesMapped", "rssBytes", "requests", "unixMs", "pauses",
    ];

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task StatsHasEveryFieldInCamelCase(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        await h.MakeTaskAsync("t1", subtasks: 3);

        var stats = await h.StatsAsync();

        Assert.Equal(s_fields, stats.EnumerateObject().Select(p => p.Name));
        Assert.Equal(model, stats.GetProperty("model").GetString());
        Assert.Equal(profile, stats.GetProperty("profile").GetString());
        Assert.Equal(1, stats.GetProperty("tasks").GetInt64());
        Assert.Equal(1, stats.GetProperty("taskObjects").GetInt64());
        Assert.Equal(3, stats.GetProperty("subtaskObjects").GetInt64());
        foreach (var perGeneration in new[] { "collections", "maxPauseMs", "tracked" })
        {
            Assert.Equal(3, stats.GetProperty(perGeneration).GetArrayLength());
        }

        Assert.True(stats.GetProperty("heapBytesInUse").GetInt64() > 0);
        Assert.True(stats.GetProperty("heapBytesMapped").GetInt64() >= stats.GetProperty("heapBytesInUse").GetInt64());
        Assert.True(stats.GetProperty("rssBytes").GetInt64() > 0);
        Assert.Equal(4, stats.GetProperty("requests").GetInt64());
        Assert.InRange(stats.GetProperty("unixMs").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(JsonValueKind.Array, stats.GetProperty("pauses").ValueKind);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.HeapModels), MemberType = typeof(ServerHarness))]
    public async Task HeapModelsTrackTheirObjects(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        var before = (await h.StatsAsync()).GetProperty("tracked").EnumerateArray().Sum(e => e.GetInt64());

        await h.MakeTaskAsync("t1", subtasks: 5);

        var after = (await h.StatsAsync()).GetProperty("tracked").EnumerateArray().Sum(e => e.GetInt64());
        Assert.True(after >= before + 6, $"tracked {before} → {after}");
    }

    [Theory]
    [MemberData(nameof(ServerHarness.HeapModels), MemberType = typeof(ServerHarness))]
    public async Task CollectorRunsOnItsOwnAndEachPauseIsReportedOnce(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        var start = (await h.StatsAsync()).GetProperty("pauses").EnumerateArray().Select(p => p.GetProperty("seq").GetInt64()).LastOrDefault();

        // 2 to 3 tracked objects per Task and per Subtask (py312 tracks fewer: no __dict__ per
        // instance): well over the 700 allocations that start a generation-0 collection.
        for (var t = 0; t < 150; t++)
        {
            await h.MakeTaskAsync($"t{t}", subtasks: 5);
        }

        var first = await h.StatsAsync(start);
        var pauses = first.GetProperty("pauses").EnumerateArray().ToArray();
        Assert.NotEmpty(pauses);
        Assert.True(first.GetProperty("collections")[0].GetInt64() > 0);
        Assert.Equal(Enumerable.Range(1, pauses.Length).Select(i => start + i), pauses.Select(p => p.GetProperty("seq").GetInt64()));
        Assert.All(pauses, p => Assert.True(p.GetProperty("automatic").GetBoolean()));
        Assert.All(pauses, p => Assert.InRange(p.GetProperty("generation").GetInt32(), 0, 2));
        Assert.All(pauses, p => Assert.True(p.GetProperty("elapsedMs").GetDouble() >= 0));
        Assert.All(pauses, p => Assert.True(p.GetProperty("finishedUnixMs").GetInt64() <= first.GetProperty("unixMs").GetInt64()));

        var last = pauses[^1].GetProperty("seq").GetInt64();
        Assert.Empty((await h.StatsAsync(last)).GetProperty("pauses").EnumerateArray());
        h.Runtime!.Gc.Collect();
        var next = (await h.StatsAsync(last)).GetProperty("pauses").EnumerateArray().Single();
        Assert.Equal(last + 1, next.GetProperty("seq").GetInt64());
        Assert.Equal(2, next.GetProperty("generation").GetInt32());
        Assert.False(next.GetProperty("automatic").GetBoolean());
    }

    [Fact]
    public async Task ManagedModelReportsTheDotNetCollections()
    {
        await using var h = await ServerHarness.StartAsync("managed");
        await h.MakeTaskAsync("t1", subtasks: 1);
        var before = await h.StatsAsync();

        h.Server.Store.CollectFully();
        var after = await h.StatsAsync(before.GetProperty("pauses").EnumerateArray().Select(p => p.GetProperty("seq").GetInt64()).LastOrDefault());

        Assert.True(after.GetProperty("collections")[2].GetInt64() > before.GetProperty("collections")[2].GetInt64());
        Assert.Equal(2, after.GetProperty("pauses").EnumerateArray().Last().GetProperty("generation").GetInt32());
        Assert.Equal([0L, 0L, 0L], after.GetProperty("tracked").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public async Task RequestsCountOnlyTheTaskEndpoints()
    {
        await using var h = await ServerHarness.StartAsync();
        await h.PutTaskAsync("t1");
        await h.Client.GetAsync("/tasks/t1/");
        await h.Client.GetAsync("/tasks/bad.id/");
        await h.Client.GetAsync("/metrics");
        await h.StatsAsync();

        Assert.Equal(3, (await h.StatsAsync()).GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task MetricsArePrometheusTextWithTheRefheapInstruments()
    {
        await using var h = await ServerHarness.StartAsync("strong");
        await h.MakeTaskAsync("t1", subtasks: 1);
        h.Runtime!.Gc.Collect();

        var response = await h.Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("refheap_heap_bytes_in_use", text);
        Assert.Contains("refheap_gc_tracked_objects", text);
        Assert.Contains("refheap_gc_collections", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }
}
