using System.Net;
using System.Text;

namespace Refheap.Server.Tests;

/// <summary>Malformed ids and bodies get 400 problem details, long bodies 413, and the heap is left as it was.</summary>
public sealed class BadInputTests
{
    // URL-escaped where a client must escape them: a space, a dot, a non-ASCII letter, a newline, 65 characters.
    public static TheoryData<string> BadIds => new()
    {
        "a%20b",
        "a.b",
        "%C3%A9t%C3%A9",
        "t1%0A",
        new string('a', 65),
        "a%2Fb",
    };

    public static TheoryData<string> MalformedBodies => new()
    {
        "{",
        "[]",
        "\"name\"",
        "42",
        """{"name": 1}""",
        """{"payload": ["x"]}""",
        """{"name": "a"} trailing""",
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task BadIdIs400OnEveryEndpoint(string id)
    {
        await using var h = await ServerHarness.StartAsync();
        await h.PutTaskAsync("t1");

        Assert.Contains("task_id", await Problems.AssertAsync(await h.Client.GetAsync($"/tasks/{id}/"), HttpStatusCode.BadRequest));
        Assert.Contains("task_id", await Problems.AssertAsync(await h.Client.PutAsync($"/tasks/{id}/", null), HttpStatusCode.BadRequest));
        Assert.Contains("task_id", await Problems.AssertAsync(await h.Client.DeleteAsync($"/tasks/{id}/"), HttpStatusCode.BadRequest));
        Assert.Contains("subtask_id", await Problems.AssertAsync(await h.Client.GetAsync($"/subtasks/{id}/"), HttpStatusCode.BadRequest));
        Assert.Contains("subtask_id", await Problems.AssertAsync(await h.Client.PutAsync($"/subtasks/t1/{id}", null), HttpStatusCode.BadRequest));
        Assert.Contains("task_id", await Problems.AssertAsync(await h.Client.PutAsync($"/subtasks/{id}/s1", null), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task LongestIdIsAccepted()
    {
        await using var h = await ServerHarness.StartAsync();
        var id = "Az09_-" + new string('x', 58);

        Assert.Equal(HttpStatusCode.Created, (await h.PutTaskAsync(id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.Client.GetAsync($"/tasks/{id}/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedBodyIs400AndCreatesNothing(string body)
    {
        await using var h = await ServerHarness.StartAsync();
        await h.PutTaskAsync("t1");

        await Problems.AssertAsync(await h.PutTaskAsync("t2", body), HttpStatusCode.BadRequest);
        await Problems.AssertAsync(await h.PutSubtaskAsync("t1", "s1", body), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.NotFound, (await h.Client.GetAsync("/tasks/t2/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Client.GetAsync("/subtasks/s1/")).StatusCode);
    }

    [Fact]
    public async Task BodyOfAnyMediaTypeIsReadAsJson()
    {
        await using var h = await ServerHarness.StartAsync();

        var response = await h.Client.PutAsync("/tasks/t1/", new StringContent("""{"name": "plain"}""", Encoding.UTF8, "text/plain"));
        h.Track("t1");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("\"name\":\"plain\"", await h.Client.GetStringAsync("/tasks/t1/"));
    }

    [Fact]
    public async Task BodyOverTheLimitIs413()
    {
        await using var h = await ServerHarness.StartAsync(maxBodyBytes: 100);
        await h.PutTaskAsync("t1");
        var tooLong = $$"""{"payload": "{{new string('x', 100)}}"}""";

        await Problems.AssertAsync(await h.PutTaskAsync("t2", tooLong), HttpStatusCode.RequestEntityTooLarge);
        await Problems.AssertAsync(await h.PutSubtaskAsync("t1", "s1", tooLong), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(HttpStatusCode.NotFound, (await h.Client.GetAsync("/tasks/t2/")).StatusCode);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimitIs413()
    {
        await using var h = await ServerHarness.StartAsync(maxBodyBytes: 100);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"payload": "{{new string('x', 5000)}}"}""")));
        var request = new HttpRequestMessage(HttpMethod.Put, "/tasks/t1/") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await Problems.AssertAsync(await h.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task BodyAtTheLimitIsAccepted()
    {
        var body = """{"payload": "xxxx"}""";
        await using var h = await ServerHarness.StartAsync(maxBodyBytes: Encoding.UTF8.GetByteCount(body));

        Assert.Equal(HttpStatusCode.Created, (await h.PutTaskAsync("t1", body)).StatusCode);
    }

    [Fact]
    public async Task BadPausesSinceUnknownPathAndWrongMethodAreProblemDetails()
    {
        await using var h = await ServerHarness.StartAsync();

        await Problems.AssertAsync(await h.Client.GetAsync("/stats?pausesSince=abc"), HttpStatusCode.BadRequest);
        await Problems.AssertAsync(await h.Client.GetAsync("/nothing/here"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await h.Client.PostAsync("/tasks/t1/", null), HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public async Task FullHeapIs500AndTheServerGoesOn(string profile)
    {
        await using var h = await ServerHarness.StartAsync("strong", profile, maxBodyBytes: 4 << 20, heapLimit: 2 << 20);
        await h.PutTaskAsync("t1");

        var response = await h.PutTaskAsync("t2", $$"""{"payload": "{{new string('x', 3 << 20)}}"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Client.GetAsync("/tasks/t2/")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await h.PutSubtaskAsync("t1", "s1")).StatusCode);
    }
}
