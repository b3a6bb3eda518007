using Refheap.Cli.Load;

namespace Refheap.Cli.Tests;

/// <summary>
/// The load generator: its seeded plan (determinism, the ramp to the live-task target and the
/// hold), the loopback guard, and whole runs of <c>refheap load</c> against a fake server.
/// </summary>
public sealed class LoadTests
{
    [Fact]
    public void The_same_seed_plans_the_same_requests()
    {
        var first = Plan(seed: 7, client: 3, target: 5, subtasks: 2, count: 400);
        var second = Plan(seed: 7, client: 3, target: 5, subtasks: 2, count: 400);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_or_client_deletes_other_tasks()
    {
        var plan = Plan(seed: 7, client: 0, target: 5, subtasks: 2, count: 400);
        var otherSeed = Plan(seed: 8, client: 0, target: 5, subtasks: 2, count: 400);
        var otherClient = Plan(seed: 7, client: 1, target: 5, subtasks: 2, count: 400);

        Assert.NotEqual(Deletes(plan), Deletes(otherSeed));
        Assert.NotEqual(Deletes(plan), Deletes(otherClient).Select(p => p.Replace("c1t", "c0t", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_cycle_creates_a_task_with_its_subtasks_then_reads_them()
    {
        var plan = new ClientPlan(client: 0, seed: 1, targetLiveTasks: 10, subtasks: 2, payloadBytes: 0, idPrefix: "x-");

        var cycle = Enumerable.Range(0, 6).Select(_ => plan.Next()).Select(r => (r.Kind, r.Path)).ToList();

        Assert.Equal(
            [
                (EndpointKind.PutTask, "/tasks/x-c0t0/"),
                (EndpointKind.PutSubtask, "/subtasks/x-c0t0/x-c0t0s0"),
                (EndpointKind.PutSubtask, "/subtasks/x-c0t0/x-c0t0s1"),
                (EndpointKind.GetTask, "/tasks/x-c0t0/"),
                (EndpointKind.GetSubtask, "/subtasks/x-c0t0s0/"),
                (EndpointKind.GetSubtask, "/subtasks/x-c0t0s1/"),
            ],
            cycle);
        Assert.Equal(EndpointKind.PutTask, plan.Next().Kind);
    }

    [Fact]
    public void Live_tasks_ramp_up_to_the_target_without_deletions_then_hold_at_it()
    {
        const int target = 10;
        var plan = new ClientPlan(client: 0, seed: 1, targetLiveTasks: target, subtasks: 3, payloadBytes: 0, idPrefix: "");
        var requests = Enumerable.Range(0, 2000).Select(_ => plan.Next()).ToList();

        // The ramp: target + 1 tasks made (the last one tips it over), no deletion before.
        var firstDelete = requests.FindIndex(r => r.Kind == EndpointKind.DeleteTask);
        Assert.Equal(target + 1, requests.Take(firstDelete).Count(r => r.Kind == EndpointKind.PutTask));
        Assert.Equal(Enumerable.Range(1, target + 1), requests.Take(firstDelete).Where(r => r.Kind == EndpointKind.PutTask).Select(r => r.LiveTasks));

        // The hold: one deletion per new task, the count between target and target + 1.
        var held = requests.Skip(firstDelete).ToList();
        Assert.All(held, r => Assert.InRange(r.LiveTasks, target, target + 1));
        Assert.All(held.Where(r => r.Kind == EndpointKind.DeleteTask), r => Assert.Equal(target, r.LiveTasks));
        Assert.InRange(held.Count(r => r.Kind == EndpointKind.DeleteTask) - held.Count(r => r.Kind == EndpointKind.PutTask), 0, 1);
        Assert.Equal(plan.LiveTasks, requests[^1].LiveTasks);
    }

    [Fact]
    public void Only_tasks_the_client_holds_are_deleted_and_each_once()
    {
        var requests = Plan(seed: 3, client: 0, target: 4, subtasks: 1, count: 3000);
        var alive = new HashSet<string>();
        foreach (var (kind, path) in requests)
        {
            if (kind == EndpointKind.PutTask)
            {
                Assert.True(alive.Add(path));
            }
            else if (kind == EndpointKind.DeleteTask)
            {
                Assert.True(alive.Remove(path), $"{path} deleted but not held");
            }
        }

        Assert.InRange(alive.Count, 4, 5); // the target, or one more mid-cycle
    }

    [Fact]
    public void A_target_of_zero_deletes_each_task_after_reading_it()
    {
        var plan = new ClientPlan(client: 0, seed: 1, targetLiveTasks: 0, subtasks: 0, payloadBytes: 0, idPrefix: "");

        var kinds = Enumerable.Range(0, 6).Select(_ => plan.Next().Kind).ToList();

        Assert.Equal([EndpointKind.PutTask, EndpointKind.GetTask, EndpointKind.DeleteTask, EndpointKind.PutTask, EndpointKind.GetTask, EndpointKind.DeleteTask], kinds);
    }

    [Fact]
    public void Put_bodies_carry_the_name_and_a_payload_of_the_given_size()
    {
        var plan = new ClientPlan(client: 0, seed: 1, targetLiveTasks: 1, subtasks: 1, payloadBytes: 50, idPrefix: "");

        using var body = System.Text.Json.JsonDocument.Parse(plan.Next().Body!);

        Assert.Equal("c0t0", body.RootElement.GetProperty("name").GetString());
        Assert.Equal(50, body.RootElement.GetProperty("payload").GetString()!.Length);
        var subtask = plan.Next();
        Assert.Equal(EndpointKind.PutSubtask, subtask.Kind);
        using var subtaskBody = System.Text.Json.JsonDocument.Parse(subtask.Body!);
        Assert.Equal("c0t0s0", subtaskBody.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void The_live_tasks_are_shared_among_the_clients()
    {
        var settings = new LoadSettings(new Uri("http://127.0.0.1:1/"), Clients: 8, Requests: 1, Duration: TimeSpan.FromSeconds(1), LiveTasks: 12_003, Subtasks: 5, PayloadBytes: 0, Seed: 1, StatsEvery: 1);

        var targets = Enumerable.Range(0, 8).Select(settings.TargetOf).ToList();

        Assert.Equal(12_003, targets.Sum());
        Assert.InRange(targets.Max() - targets.Min(), 0, 1);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/", "http://localhost:5080/")]
    [InlineData("http://[::1]:5080/api", "http://[::1]:5080/api/")]
    [InlineData("http://127.0.0.2:1", "http://127.0.0.2:1/")]
    public void Loopback_urls_are_accepted_with_a_trailing_slash(string text, string expected)
    {
        Assert.Equal(expected, ServerUrls.Check(text, allowRemote: false).ToString());
    }

    [Theory]
    [InlineData("http://example.com:5080/")]
    [InlineData("http://10.0.0.1:5080/")]
    [InlineData("http://192.168.1.20/")]
    public void Other_hosts_are_refused_unless_allowed(string text)
    {
        var e = Assert.Throws<CommandLineErrorException>(() => ServerUrls.Check(text, allowRemote: false));
        Assert.Contains("refusing to send load", e.Message, StringComparison.Ordinal);
        Assert.Equal(text, ServerUrls.Check(text, allowRemote: true).ToString());
    }

    [Fact]
    public void Refheap_load_refuses_a_remote_server_without_sending_anything()
    {
        var result = CliHarness.Run("load", "--server-url", "http://10.1.2.3:5080/", "--requests", "10");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("refheap: refusing to send load to 10.1.2.3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refheap_load_fails_clearly_when_no_server_answers()
    {
        using var dir = new TempDirectory();
        var port = FreePort();

        var result = CliHarness.Run("load", "--server-url", $"http://127.0.0.1:{port}/", "--requests", "10", "--out", dir.Path);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"refheap: no answer from http://127.0.0.1:{port}/stats", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_records_every_request_and_samples_stats()
    {
        await using var server = await FakeTaskServer.StartAsync();
        using var dir = new TempDirectory();

        var result = CliHarness.Run(
            "load", "--server-url", server.Url.ToString(), "--requests", "300", "--clients", "3", "--live-tasks", "9",
            "--subtasks", "2", "--stats-every", "50", "--out", dir.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        var requests = File.ReadAllLines(Path.Combine(dir.Path, "requests.csv"));
        Assert.Equal(LoadCsv.RequestsHeader, requests[0]);
        Assert.Equal(300, requests.Length - 1);
        Assert.Equal(300, server.Log.Count);
        Assert.All(requests.Skip(1), row => Assert.Matches("^[0-9.]+,[0-2],(put_task|put_subtask|get_task|get_subtask|delete_task),/[a-z]+/[A-Za-z0-9_/-]+,(200|201|204),[0-9.]+,[0-9]+$", row));

        // Before the first request, after every 50 and at the end (the 300th: both).
        var samples = File.ReadAllLines(Path.Combine(dir.Path, "samples.csv"));
        Assert.Equal(LoadCsv.SamplesHeader, samples[0]);
        var indexes = samples.Skip(1).Select(r => long.Parse(r.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([0, 50, 100, 150, 200, 250, 300, 300], indexes);

        // Every pause the server numbered, each once, although each sample asked only for the new ones.
        var pauses = File.ReadAllLines(Path.Combine(dir.Path, "pauses.csv"));
        Assert.Equal(LoadCsv.PausesHeader, pauses[0]);
        Assert.Equal(Enumerable.Range(1, server.PauseCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), pauses.Skip(1).Select(p => p.Split(',')[0]));
        Assert.True(server.PauseCount > 0);

        Assert.Contains("refheap load", result.Out, StringComparison.Ordinal);
        Assert.Matches("│ requests/s +│ +[0-9,]+ │", result.Out);
        Assert.Matches("│ requests +│ +300 │", result.Out);
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var records = Enumerable.Range(1, 200).Select(i => new RequestRecord(i, 0, EndpointKind.GetTask, "/tasks/t/", i % 50 == 0 ? 500 : 200, i, 0)).Reverse().ToList();
        var result = new LoadResult(new LoadSettings(new Uri("http://127.0.0.1:1/"), 1, 200, TimeSpan.FromSeconds(1), 0, 0, 0, 1, 1), 0, TimeSpan.FromSeconds(4), records, [], [], 0);

        var summary = LoadSummary.Of(result);

        Assert.Equal(new LoadSummary(200, 4, 4, 50, 100, 198, 200), summary);
    }

    [Fact]
    public async Task One_client_sends_the_same_sequence_for_the_same_seed()
    {
        var first = await PathsOfOneClientRunAsync(seed: 5);
        var second = await PathsOfOneClientRunAsync(seed: 5);
        var other = await PathsOfOneClientRunAsync(seed: 6);

        Assert.Equal(200, first.Count);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    private static async Task<List<string>> PathsOfOneClientRunAsync(int seed)
    {
        await using var server = await FakeTaskServer.StartAsync();
        using var dir = new TempDirectory();
        var result = CliHarness.Run(
            "load", "--server-url", server.Url.ToString(), "--requests", "200", "--clients", "1", "--live-tasks", "3",
            "--subtasks", "1", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Error);
        return [.. server.Log];
    }

    private static List<(EndpointKind Kind, string Path)> Plan(int seed, int client, int target, int subtasks, int count)
    {
        var plan = new ClientPlan(client, seed, target, subtasks, payloadBytes: 10, idPrefix: "");
        return [.. Enumerable.Range(0, count).Select(_ => plan.Next()).Select(r => (r.Kind, r.Path))];
    }

    private static List<string> Deletes(List<(EndpointKind Kind, string Path)> plan) =>
        [.. plan.Where(r => r.Kind == EndpointKind.DeleteTask).Select(r => r.Path)];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
