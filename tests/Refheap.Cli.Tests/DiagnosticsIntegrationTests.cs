using System.Text.Json;
using Refheap.Cli.Experiment;

namespace Refheap.Cli.Tests;

/// <summary>
/// The diagnostics joined to the server and the experiment: <c>refheap serve
/// --debug-endpoints</c>'s snapshot read by <c>refheap heap</c>, and version 1's cycle report
/// in the experiment's summary.json, report.html and console summary.
/// </summary>
public sealed class DiagnosticsIntegrationTests
{
    private const string TalkShape = "Task -[_subtasks]-> dict -[*]-> Subtask -[_task]-> Task";

    [Theory]
    [InlineData("strong")]
    [InlineData("weak")]
    public async Task A_snapshot_posted_to_serve_with_debug_endpoints_is_read_by_refheap_heap(string model)
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "s.jsonl");
        using (var server = await ServerChildProcess.StartAsync(model, Profile.Py27, ["--debug-endpoints"], CliEnvironment.FromProcess(), ExperimentRunner.StartTimeout))
        using (var http = new HttpClient { BaseAddress = server.Url })
        {
            Assert.Equal(201, (int)(await http.PutAsync("/tasks/t1/", null)).StatusCode);
            Assert.Equal(201, (int)(await http.PutAsync("/subtasks/t1/s1", null)).StatusCode);
            var response = await http.PostAsync("/debug/snapshot", null);
            Assert.Equal(200, (int)response.StatusCode);
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        }

        var result = CliHarness.Run("heap", file, "--by", "type", "--rows", "100", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var table = JsonDocument.Parse(result.Out);
        var rows = table.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("kind").GetString()!, r => r.GetProperty("count").GetInt64());
        Assert.Equal(1, rows["__main__.Task"]);
        Assert.Equal(1, rows["__main__.Subtask"]);
    }

    [Fact]
    public async Task Serve_without_debug_endpoints_has_no_snapshot()
    {
        using var server = await ServerChildProcess.StartAsync("strong", Profile.Py27, [], CliEnvironment.FromProcess(), ExperimentRunner.StartTimeout);
        using var http = new HttpClient { BaseAddress = server.Url };

        Assert.Equal(404, (int)(await http.PostAsync("/debug/snapshot", null)).StatusCode);
        Assert.Equal(404, (int)(await http.GetAsync("/debug/cycles")).StatusCode);
    }

    [Fact]
    public void The_experiment_reports_what_the_collector_found_in_version_1()
    {
        using var dir = new TempDirectory();

        // 3,000 requests of 3 subtasks hold 12 tasks and delete ~230; the diagnosis run after it (600 requests,
        // 1 live task) deletes enough for young collections to find them as cycles.
        var result = CliHarness.Run(
            "experiment", "--models", "strong,weak", "--requests", "3000", "--clients", "2", "--live-tasks", "12", "--subtasks", "3",
            "--payload-bytes", "10", "--stats-every", "500", "--out", dir.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "summary.json")));
        var models = summary.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        Assert.Equal(JsonValueKind.Null, models["weak"].GetProperty("cycleReport").ValueKind);
        var report = models["strong"].GetProperty("cycleReport");
        Assert.Equal("strong", report.GetProperty("model").GetString());
        Assert.True(report.GetProperty("cycles").GetInt64() > 0);
        var shape = report.GetProperty("shapes")[0];
        Assert.Equal(TalkShape, shape.GetProperty("shape").GetString());
        Assert.Equal("Subtask._task", shape.GetProperty("suggestion").GetString());
        Assert.Equal("Subtask._task", report.GetProperty("suggestions")[0].GetProperty("edge").GetString());

        var html = File.ReadAllText(Path.Combine(dir.Path, ReportHtml.FileName));
        var section = html.IndexOf($"<h2>{CycleFindings.Heading}</h2>", StringComparison.Ordinal);
        Assert.True(section > 0 && section < html.IndexOf("<h2>Figures</h2>", StringComparison.Ordinal), "the section comes before the figures");
        Assert.Contains("Task -[_subtasks]-&gt; dict -[*]-&gt; Subtask -[_task]-&gt; Task", html, StringComparison.Ordinal);
        Assert.Contains("make Subtask._task a weak reference", html, StringComparison.Ordinal);

        var line = Assert.Single(result.OutLines, l => l.StartsWith($"{CycleFindings.Heading} (", StringComparison.Ordinal));
        Assert.StartsWith($"{CycleFindings.Heading} (strong): ", line, StringComparison.Ordinal);
        Assert.Contains("make Subtask._task a weak", string.Join(' ', result.Out.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal); // the console wraps the line anywhere
    }

    [Fact]
    public async Task No_cycle_report_leaves_it_out()
    {
        await using var server = await FakeTaskServer.StartAsync("strong");
        using var dir = new TempDirectory();

        var result = CliHarness.Run("experiment", "--models", "strong", "--no-cycle-report", "--requests", "100", "--live-tasks", "4", "--out", dir.Path, "-u", server.Url.ToString());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain(CycleFindings.Heading, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(CycleFindings.Heading, File.ReadAllText(Path.Combine(dir.Path, ReportHtml.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_server_without_a_cycle_report_says_so_and_the_run_goes_on()
    {
        await using var server = await FakeTaskServer.StartAsync("strong");
        using var dir = new TempDirectory();

        var result = CliHarness.Run("experiment", "--models", "strong", "--requests", "100", "--live-tasks", "4", "--out", dir.Path, "-u", server.Url.ToString());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"{CycleFindings.Heading} (strong): no cycle report — /debug/cycles answered 404", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(CycleFindings.Heading, File.ReadAllText(Path.Combine(dir.Path, ReportHtml.FileName)), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "summary.json")));
        Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("models")[0].GetProperty("cycleReport").ValueKind);
    }
}
