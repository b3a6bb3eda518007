using System.Net;
using System.Text.Json;

namespace Refheap.Server.Tests;

/// <summary>The talk's five endpoints, through the real server, in every model and profile.</summary>
public sealed class TaskEndpointTests
{
    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task PutTaskCreatesItOnceThenFindsIt(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);

        var created = await h.PutTaskAsync("t1", """{"name": "write the talk", "payload": "xxxx"}""");
        var again = await h.PutTaskAsync("t1");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/tasks/t1/", created.Headers.Location?.OriginalString);
        Assert.Equal("""{"task_id":"t1"}""", await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("""{"task_id":"t1"}""", await again.Content.ReadAsStringAsync());
        Assert.Equal("""{"task_id":"t1","name":"write the talk","subtasks":[]}""", await h.Client.GetStringAsync("/tasks/t1/"));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task PutTaskWithoutBodyHasNoName(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);

        await h.PutTaskAsync("t1");

        Assert.Equal("""{"task_id":"t1","name":null,"subtasks":[]}""", await h.Client.GetStringAsync("/tasks/t1/"));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task PutExistingTaskReplacesTheNameItIsGiven(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        await h.PutTaskAsync("t1", """{"name": "first"}""");

        await h.PutTaskAsync("t1", """{"payload": "only the payload"}""");
        var keptName = await h.Client.GetStringAsync("/tasks/t1/");
        await h.PutTaskAsync("t1", """{"name": "second"}""");

        Assert.Contains("\"name\":\"first\"", keptName);
        Assert.Contains("\"name\":\"second\"", await h.Client.GetStringAsync("/tasks/t1/"));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task GetTaskListsItsSubtasks(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        await h.MakeTaskAsync("t1", subtasks: 3);

        var task = JsonDocument.Parse(await h.Client.GetStringAsync("/tasks/t1/")).RootElement;

        Assert.Equal("t1", task.GetProperty("task_id").GetString());
        Assert.Equal("task", task.GetProperty("name").GetString());

        // py27's dict keeps its keys in hash order, so the order is not checked.
        Assert.Equal(["t1-s0", "t1-s1", "t1-s2"], task.GetProperty("subtasks").EnumerateArray().Select(e => e.GetString()).Order());
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task GetSubtaskGivesItsTask(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        await h.MakeTaskAsync("t1", subtasks: 2);

        Assert.Equal("""{"subtask_id":"t1-s1","task_id":"t1","name":"subtask"}""", await h.Client.GetStringAsync("/subtasks/t1-s1/"));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task PutSubtaskCreatesItOnceAndUpdatesItAfter(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        await h.PutTaskAsync("t1");

        var created = await h.PutSubtaskAsync("t1", "s1");
        var again = await h.PutSubtaskAsync("t1", "s1", """{"name": "renamed"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/subtasks/s1/", created.Headers.Location?.OriginalString);
        Assert.Equal("""{"subtask_id":"s1","task_id":"t1"}""", await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("""{"subtask_id":"s1","task_id":"t1","name":"renamed"}""", await h.Client.GetStringAsync("/subtasks/s1/"));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task PutSubtaskUnderAnAbsentTaskIs404(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);

        var response = await h.PutSubtaskAsync("nope", "s1");

        await Problems.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Client.GetAsync("/subtasks/s1/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task PutSubtaskIdOfAnotherTaskIs409(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        await h.PutTaskAsync("t1");
        await h.PutTaskAsync("t2");
        await h.PutSubtaskAsync("t1", "s1");

        var response = await h.PutSubtaskAsync("t2", "s1");

        await Problems.AssertAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("\"task_id\":\"t1\"", await h.Client.GetStringAsync("/subtasks/s1/"));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task DeleteTaskIs204ThenEverythingOfItIs404(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        await h.MakeTaskAsync("t1", subtasks: 2);

        var deleted = await h.Client.DeleteAsync("/tasks/t1/");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Problems.AssertAsync(await h.Client.DeleteAsync("/tasks/t1/"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await h.Client.GetAsync("/tasks/t1/"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await h.Client.GetAsync("/subtasks/t1-s0/"), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Models), MemberType = typeof(ServerHarness))]
    public async Task DeletedTaskIdCanBeUsedAgain(string model, string profile)
    {
        await using var h = await ServerHarness.StartAsync(model, profile);
        await h.MakeTaskAsync("t1", subtasks: 2);
        await h.Client.DeleteAsync("/tasks/t1/");

        var created = await h.PutTaskAsync("t1");
        var subtask = await h.PutSubtaskAsync("t1", "t1-s0");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, subtask.StatusCode);
        Assert.Equal("""{"task_id":"t1","name":null,"subtasks":["t1-s0"]}""", await h.Client.GetStringAsync("/tasks/t1/"));
    }

    [Fact]
    public async Task AbsentTaskAndSubtaskAre404ProblemDetails()
    {
        await using var h = await ServerHarness.StartAsync();

        await Problems.AssertAsync(await h.Client.GetAsync("/tasks/nope/"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await h.Client.DeleteAsync("/tasks/nope/"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await h.Client.GetAsync("/subtasks/nope/"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TrailingSlashIsOptional()
    {
        await using var h = await ServerHarness.StartAsync();
        await h.PutTaskAsync("t1");

        Assert.Equal(HttpStatusCode.OK, (await h.Client.GetAsync("/tasks/t1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await h.Client.PutAsync("/subtasks/t1/s1/", null)).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesEveryEndpoint()
    {
        await using var h = await ServerHarness.StartAsync();

        var document = JsonDocument.Parse(await h.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        Assert.Equal(["get", "put", "delete"], paths.GetProperty("/tasks/{task_id}/").EnumerateObject().Select(p => p.Name));
        Assert.True(paths.GetProperty("/subtasks/{subtask_id}/").TryGetProperty("get", out _));
        var putSubtask = paths.GetProperty("/subtasks/{task_id}/{subtask_id}").GetProperty("put");
        Assert.Equal(["201", "200", "400", "404", "409", "413"], putSubtask.GetProperty("responses").EnumerateObject().Select(p => p.Name));
        Assert.True(putSubtask.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(paths.GetProperty("/stats").TryGetProperty("get", out _));
        var stats = document.GetProperty("components").GetProperty("schemas").GetProperty("ServerStats").GetProperty("properties");
        Assert.Equal("integer", stats.GetProperty("tasks").GetProperty("type").GetString());
    }
}
