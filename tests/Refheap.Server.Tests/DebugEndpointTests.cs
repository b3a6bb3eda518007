using System.Net;
using System.Text.Json;
using Refheap.Diagnostics.Heapy;

namespace Refheap.Server.Tests;

/// <summary>
/// <c>POST /debug/snapshot</c> (<c>--debug-endpoints</c>) and <c>GET /debug/cycles</c>
/// (<c>--cycle-report</c>): absent unless asked for, a snapshot file <c>refheap heap</c> reads,
/// and the cycle report of the talk's version 1 naming <c>Subtask._task</c>.
/// </summary>
public sealed class DebugEndpointTests
{
    private const string TalkShape = "Task -[_subtasks]-> dict -[*]-> Subtask -[_task]-> Task";

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task DebugEndpointsAreNotFoundByDefault(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);

        await Problems.AssertAsync(await h.Client.PostAsync("/debug/snapshot", null), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await h.Client.GetAsync("/debug/cycles"), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.HeapModels), MemberType = typeof(ServerHarness))]
    public async Task EachFlagTurnsOnItsOwnEndpointOnly(string model, string profile)
    {
        await using (var snapshotOnly = await ServerHarness.StartAsync(model, profile, debugEndpoints: true))
        {
            Assert.Equal(HttpStatusCode.OK, (await snapshotOnly.Client.PostAsync("/debug/snapshot", null)).StatusCode);
            await Problems.AssertAsync(await snapshotOnly.Client.GetAsync("/debug/cycles"), HttpStatusCode.NotFound);
        }

        await using var cyclesOnly = await ServerHarness.StartAsync(model, profile, cycleReport: true);
        Assert.Equal(HttpStatusCode.OK, (await cyclesOnly.Client.GetAsync("/debug/cycles")).StatusCode);
        await Problems.AssertAsync(await cyclesOnly.Client.PostAsync("/debug/snapshot", null), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OpenApiDocumentListsDebugEndpointsOnlyWhenOn(bool on)
    {
        await using var h = await ServerHarness.StartAsync("strong", debugEndpoints: on, cycleReport: on);

        var paths = JsonDocument.Parse(await h.Client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        Assert.Equal(on, paths.TryGetProperty("/debug/snapshot", out var snapshot) && snapshot.TryGetProperty("post", out _));
        Assert.Equal(on, paths.TryGetProperty("/debug/cycles", out var cycles) && cycles.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/tasks/{task_id}/", out _));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.HeapModels), MemberType = typeof(ServerHarness))]
    public async Task SnapshotIsASnapshotFileOfTheWholeHeap(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile, debugEndpoints: true);
        await h.MakeTaskAsync("t1", subtasks: 3);
        await h.MakeTaskAsync("t2", subtasks: 2);

        var response = await h.Client.PostAsync("/debug/snapshot", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var snapshot = SnapshotFile.Read(await response.Content.ReadAsStreamAsync(), "response");
        Assert.Equal(profile, snapshot.Profile);
        Assert.Equal(2, snapshot.Objects.Count(o => o.TypeName == "__main__.Task"));
        Assert.Equal(5, snapshot.Objects.Count(o => o.TypeName == "__main__.Subtask"));
        Assert.Contains(snapshot.Objects, o => o.TypeName == "type" && o.IsRoot);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.HeapModels), MemberType = typeof(ServerHarness))]
    public async Task DebugRequestsAreNotCountedAsRequests(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile, debugEndpoints: true, cycleReport: true);
        await h.MakeTaskAsync("t1", subtasks: 1);

        await h.Client.PostAsync("/debug/snapshot", null);
        await h.Client.GetAsync("/debug/cycles");

        Assert.Equal(2, (await h.StatsAsync()).GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task ManagedModelHasNoHeapToReportOn()
    {
        await using var h = await ServerHarness.StartAsync("managed", debugEndpoints: true, cycleReport: true);

        var snapshot = await Problems.AssertAsync(await h.Client.PostAsync("/debug/snapshot", null), HttpStatusCode.NotFound);
        var cycles = await Problems.AssertAsync(await h.Client.GetAsync("/debug/cycles"), HttpStatusCode.NotFound);

        Assert.Contains("managed model", snapshot, StringComparison.Ordinal);
        Assert.Contains("no Refheap heap", cycles, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public async Task CycleReportOfVersionOneNamesTheTaskBackReference(string profile)
    {
        await using var h = await ServerHarness.StartAsync("strong", profile, cycleReport: true);
        for (var t = 0; t < 3; t++)
        {
            await h.MakeTaskAsync($"t{t}", subtasks: 4);
        }

        h.Runtime!.Gc.Collect();
        for (var t = 0; t < 3; t++)
        {
            await h.Client.DeleteAsync($"/tasks/t{t}/");
        }

        h.Runtime.Gc.Collect();
        var report = await CyclesAsync(h);

        Assert.Equal("strong", report.GetProperty("model").GetString());
        Assert.Equal(profile, report.GetProperty("profile").GetString());
        Assert.Equal(3, report.GetProperty("cycles").GetInt64());
        var shape = Assert.Single(report.GetProperty("shapes").EnumerateArray());
        Assert.Equal(TalkShape, shape.GetProperty("shape").GetString());
        Assert.Equal(3, shape.GetProperty("cycles").GetInt64());
        Assert.Equal("Subtask._task", shape.GetProperty("suggestion").GetString());
        Assert.Equal(
            [("Task", "_subtasks"), ("dict", "[*]"), ("Subtask", "_task")],
            shape.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("typeName").GetString(), s.GetProperty("label").GetString())));
        var suggestion = Assert.Single(report.GetProperty("suggestions").EnumerateArray());
        Assert.Equal("Subtask._task", suggestion.GetProperty("edge").GetString());
        Assert.Equal(3, suggestion.GetProperty("cyclesBroken").GetInt64());
        Assert.Equal(3, suggestion.GetProperty("cyclesTotal").GetInt64());
        Assert.StartsWith("make Subtask._task a weak reference", suggestion.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CycleReportAddsUpEveryCollectionSinceTheStart()
    {
        await using var h = await ServerHarness.StartAsync("strong", cycleReport: true);
        var before = await CyclesAsync(h);
        foreach (var round in new[] { "a", "b" })
        {
            await h.MakeTaskAsync(round, subtasks: 2);
            h.Runtime!.Gc.Collect();
            await h.Client.DeleteAsync($"/tasks/{round}/");
            h.Runtime.Gc.Collect();
        }

        var after = await CyclesAsync(h);

        Assert.Equal(0, before.GetProperty("cycles").GetInt64());
        Assert.Equal(2, after.GetProperty("cycles").GetInt64());
        Assert.Equal(2, after.GetProperty("collectionsWithCycles").GetInt64());
        Assert.True(after.GetProperty("collections").GetInt64() >= before.GetProperty("collections").GetInt64() + 4);
        Assert.True(after.GetProperty("garbageObjects").GetInt64() > 0);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public async Task CycleReportOfVersionTwoFindsNoCycles(string profile)
    {
        await using var h = await ServerHarness.StartAsync("weak", profile, cycleReport: true);
        await h.MakeTaskAsync("t1", subtasks: 4);
        h.Runtime!.Gc.Collect();

        await h.Client.DeleteAsync("/tasks/t1/");
        h.Runtime.Gc.Collect();
        var report = await CyclesAsync(h);

        Assert.Equal(0, report.GetProperty("cycles").GetInt64());
        Assert.Empty(report.GetProperty("shapes").EnumerateArray());
        Assert.Empty(report.GetProperty("suggestions").EnumerateArray());
        Assert.True(report.GetProperty("collections").GetInt64() >= 2);
    }

    private static async Task<JsonElement> CyclesAsync(ServerHarness h)
    {
        var response = await h.Client.GetAsync("/debug/cycles");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
