using System.Text.Json;
using Refheap.Cli.Experiment;
using Refheap.Cli.Load;

namespace Refheap.Cli.Tests;

/// <summary>
/// <c>refheap experiment</c> at a tiny scale: every output file with sane content (valid PNGs,
/// one CSV row per request, summary.json with each model, report.html linking the figures),
/// and its usage errors. No test looks at a timing.
/// </summary>
public sealed class ExperimentTests
{
    private static readonly string[] s_figures =
        [ExperimentFigures.TasksStrong, ExperimentFigures.TasksWeak, ExperimentFigures.Rss, ExperimentFigures.RequestTime, ExperimentFigures.Pauses];

    [Fact]
    public async Task A_run_against_given_servers_writes_every_output_file()
    {
        await using var strong = await FakeTaskServer.StartAsync("strong");
        await using var weak = await FakeTaskServer.StartAsync("weak");
        await using var managed = await FakeTaskServer.StartAsync("managed");
        using var dir = new TempDirectory();

        var result = CliHarness.Run(
            "experiment", "--requests", "300", "--clients", "2", "--live-tasks", "10", "--subtasks", "2", "--stats-every", "25", "--out", dir.Path,
            "--server-url", strong.Url.ToString(), "--server-url", weak.Url.ToString(), "--server-url", managed.Url.ToString());

        Assert.True(result.ExitCode == 0, result.Error);
        AssertOutputs(dir.Path, ServerModels.All, requests: 300);
        Assert.Equal(300, strong.Log.Count);
        Assert.Equal(300, weak.Log.Count);
        Assert.Equal(300, managed.Log.Count);
        Assert.Contains("refheap experiment — profile py27", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_starts_a_child_server_per_model_and_writes_every_output_file()
    {
        using var dir = new TempDirectory();

        var result = CliHarness.Run(
            "experiment", "--requests", "300", "--clients", "2", "--live-tasks", "12", "--subtasks", "3", "--stats-every", "50", "--out", dir.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        AssertOutputs(dir.Path, ServerModels.All, requests: 300);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "summary.json")));
        foreach (var m in summary.RootElement.GetProperty("models").EnumerateArray())
        {
            // Each child ran the model asked for, and its index holds what the clients hold.
            Assert.Equal(m.GetProperty("model").GetString(), m.GetProperty("serverModel").GetString());
            Assert.Equal("py27", m.GetProperty("serverProfile").GetString());
            Assert.True(m.GetProperty("childProcess").GetBoolean());
            Assert.InRange(m.GetProperty("finalTasks").GetInt64(), 12, 14);
        }
    }

    [Fact]
    public async Task One_given_server_takes_every_model_in_turn_with_ids_of_its_own()
    {
        await using var server = await FakeTaskServer.StartAsync("weak");
        using var dir = new TempDirectory();

        var result = CliHarness.Run(
            "experiment", "--models", "weak,strong", "--requests", "120", "--live-tasks", "4", "--out", dir.Path, "--server-url", server.Url.ToString());

        Assert.True(result.ExitCode == 0, result.Error);
        AssertOutputs(dir.Path, ["weak", "strong"], requests: 120);
        Assert.Equal(240, server.Log.Count);
        Assert.Equal(120, server.Log.Count(p => p.Contains("/weak-c", StringComparison.Ordinal)));
        Assert.Equal(120, server.Log.Count(p => p.Contains("/strong-c", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Quick_sets_the_scale_and_options_given_win_over_it()
    {
        await using var server = await FakeTaskServer.StartAsync("strong");
        using var dir = new TempDirectory();

        var result = CliHarness.Run("experiment", "--quick", "--models", "strong", "--requests", "150", "--clients", "3", "--out", dir.Path, "-u", server.Url.ToString());

        Assert.True(result.ExitCode == 0, result.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "summary.json")));
        var root = summary.RootElement;
        Assert.True(root.GetProperty("quick").GetBoolean());
        var scale = root.GetProperty("scale");
        var quick = ExperimentScales.Quick;
        Assert.Equal(150, scale.GetProperty("requests").GetInt32());
        Assert.Equal(3, scale.GetProperty("clients").GetInt32());
        Assert.Equal(quick.LiveTasks, scale.GetProperty("liveTasks").GetInt32());
        Assert.Equal(quick.DurationSeconds, scale.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(quick.StatsEvery, scale.GetProperty("statsEvery").GetInt32());
        Assert.Equal(quick.PayloadBytes, scale.GetProperty("payloadBytes").GetInt32());
        Assert.Equal(150, server.Log.Count);
    }

    [Theory]
    [InlineData("--models", "strong,bogus")]
    [InlineData("--profile", "py3")]
    [InlineData("--requests", "0")]
    [InlineData("--clients", "1000")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        var result = CliHarness.Run("experiment", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"refheap: invalid value", result.Error.Replace("unknown model", "invalid value", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Server_urls_must_be_one_or_one_per_model()
    {
        var result = CliHarness.Run("experiment", "--models", "strong,weak,managed", "-u", "http://127.0.0.1:1/", "-u", "http://127.0.0.1:2/");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("refheap: --server-url given 2 times for 3 models (give it once, or once per model)\n", result.Error);
    }

    [Fact]
    public void A_remote_server_url_is_refused()
    {
        var result = CliHarness.Run("experiment", "--server-url", "http://192.0.2.1:5080/");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("refheap: refusing to send load to 192.0.2.1", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Checks every file of a run of <paramref name="models"/> with <paramref name="requests"/> requests each.</summary>
    internal static void AssertOutputs(string dir, IReadOnlyList<string> models, int requests)
    {
        foreach (var model in models)
        {
            var rows = File.ReadAllLines(Path.Combine(dir, $"requests-{model}.csv"));
            Assert.Equal(LoadCsv.RequestsHeader, rows[0]);
            Assert.Equal(requests, rows.Length - 1);
            Assert.All(rows.Skip(1), r => Assert.Matches(",(200|201|204),", r));

            var samples = File.ReadAllLines(Path.Combine(dir, $"samples-{model}.csv"));
            Assert.Equal(LoadCsv.SamplesHeader, samples[0]);
            Assert.True(samples.Length >= 3, $"{model}: {samples.Length - 1} samples");
            Assert.Equal(LoadCsv.PausesHeader, File.ReadLines(Path.Combine(dir, $"pauses-{model}.csv")).First());
        }

        var figures = s_figures.Where(f => f switch
        {
            ExperimentFigures.TasksStrong => models.Contains(ServerModels.Strong),
            ExperimentFigures.TasksWeak => models.Contains(ServerModels.Weak),
            _ => true,
        }).ToList();
        foreach (var figure in figures)
        {
            var bytes = File.ReadAllBytes(Path.Combine(dir, figure));
            Assert.True(bytes.Length > 1000, $"{figure}: {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(figures.Order(), root.GetProperty("figures").EnumerateArray().Select(f => f.GetString()!).Order());
        var summaries = root.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(models, summaries.Select(m => m.GetProperty("model").GetString()));
        foreach (var m in summaries)
        {
            Assert.Equal(requests, m.GetProperty("requests").GetInt64());
            Assert.Equal(0, m.GetProperty("errors").GetInt64());
            Assert.True(m.GetProperty("requestsPerSecond").GetDouble() > 0);
            Assert.True(m.GetProperty("latencyMaxMs").GetDouble() >= m.GetProperty("latencyP50Ms").GetDouble());
            Assert.Equal(3, m.GetProperty("collections").GetArrayLength());
            Assert.Equal(3, m.GetProperty("maxPauseMs").GetArrayLength());
            Assert.True(m.GetProperty("peakRssBytes").GetInt64() > 0);
            Assert.True(m.GetProperty("maxTaskObjects").GetInt64() >= m.GetProperty("finalTaskObjects").GetInt64());
        }

        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.All(figures, f => Assert.Contains($"<img src=\"{f}\"", html, StringComparison.Ordinal));
        Assert.All(models, m => Assert.Contains($"requests-{m}.csv", html, StringComparison.Ordinal));
    }
}
