using System.Text.Json;
using System.Text.RegularExpressions;
using Refheap.Cli.Bench;

namespace Refheap.Cli.Tests;

/// <summary>
/// <c>refheap bench</c> on tiny graphs: every workload on both profiles (through the C# API, and
/// the scripts of bench/cpython on Refheap's Python front end), the JSON schema, usage errors,
/// and CPython missing from PATH. No test looks at a timing, only at what is there.
/// </summary>
public sealed partial class BenchTests
{
    // Metrics that cannot be zero or negative on any run (times, rates, sizes); resident-memory
    // figures can be zero on a tiny graph, counts of collections zero when none ran.
    private static readonly HashSet<string> s_positive = ["ns_per_task", "ns_per_object", "tasks_per_second", "max_live_tasks", "heap_bytes_per_task", "full_collection"];

    // The workloads whose script also runs on Refheap's Python front end (impl refheap-python).
    private static readonly string[] s_onPython = ["build", "full_live", "full_garbage", "churn_weak", "churn_strong_autogc"];

    [Fact]
    public void Every_workload_runs_on_both_profiles_and_reports_positive_numbers()
    {
        var result = CliHarness.Run("bench", "--tasks", "20", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal(20, root.GetProperty("tasks").GetInt32());
        Assert.Equal(["py27", "py312"], root.GetProperty("profiles").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(BenchWorkloads.All.Select(w => w.Name), root.GetProperty("workloads").EnumerateArray().Select(w => w.GetString()));
        Assert.False(root.GetProperty("cpython").GetBoolean());

        var results = root.GetProperty("results").EnumerateArray().ToList();
        foreach (var profile in new[] { "py27", "py312" })
        {
            foreach (var (workload, impl) in BenchWorkloads.All.Select(w => (w, "refheap-csharp"))
                         .Concat(BenchWorkloads.All.Where(w => s_onPython.Contains(w.Name)).Select(w => (w, "refheap-python"))))
            {
                foreach (var metric in workload.Metrics)
                {
                    var r = results.FirstOrDefault(r => Is(r, workload.Name, profile, metric.Name) && r.GetProperty("impl").GetString() == impl);
                    Assert.True(r.ValueKind == JsonValueKind.Object, $"no {impl} result for {profile} {workload.Name} {metric.Name}");
                    if (impl == "refheap-python" && r.GetProperty("status").GetString() == "not-available")
                    {
                        // Refheap's time.time (the 2.7 scripts' clock) ticks in milliseconds: too coarse for 20 Tasks.
                        Assert.Equal("py27", profile);
                        Assert.StartsWith("the clock did not advance during", r.GetProperty("error").GetString());
                        continue;
                    }

                    Assert.True(r.GetProperty("status").GetString() == "ok", $"{impl} {profile} {workload.Name} {metric.Name}: {r}");
                    Assert.Equal(metric.Unit, r.GetProperty("unit").GetString());
                    var value = r.GetProperty("value").GetDouble();
                    Assert.True(double.IsFinite(value));
                    if (s_positive.Contains(metric.Name))
                    {
                        Assert.True(value > 0, $"{profile} {workload.Name} {metric.Name} = {value}");
                    }
                }
            }

            // pause_vs_heap: 1 %, 3 %, 10 %, 30 %, 100 % of --tasks, at least 1, no repeats.
            var sizes = results.Where(r => Is(r, "pause_vs_heap", profile, "full_collection")).Select(r => r.GetProperty("tasks").GetInt64());
            Assert.Equal([1, 2, 6, 20], sizes);
        }

        Assert.All(results, r => Assert.Contains(r.GetProperty("impl").GetString(), new[] { "refheap-csharp", "refheap-python" }));
        Assert.All(
            results.Where(r => r.GetProperty("impl").GetString() == "refheap-python"),
            r => Assert.Contains(r.GetProperty("workload").GetString(), s_onPython));
        Assert.Empty(root.GetProperty("comparisons").EnumerateArray());
    }

    [Theory]
    [InlineData("refheap-csharp", "py312")]
    [InlineData("refheap-python", "py312")]
    [InlineData("refheap-python", "py27")]
    public void Weak_back_references_free_every_dropped_task_at_once(string impl, string profile)
    {
        var result = CliHarness.Run("bench", "churn_weak", "churn_strong_autogc", "-t", "3000", "-p", profile, "-j");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        double Value(string workload, string metric) =>
            doc.RootElement.GetProperty("results").EnumerateArray()
                .Single(r => Is(r, workload, profile, metric) && r.GetProperty("impl").GetString() == impl).GetProperty("value").GetDouble();

        // The window is half of --tasks: 1,500 Tasks, plus the one made before the oldest is deleted.
        Assert.Equal(1500, Value("churn_weak", "max_live_tasks"));
        Assert.True(Value("churn_strong_autogc", "max_live_tasks") > 1501, "strong back-references wait for the collector");
        Assert.True(Value("churn_strong_autogc", "gen0_collections") > 0);
    }

    [Fact]
    public void Cpython_missing_from_PATH_is_reported_as_not_available_never_as_a_number()
    {
        var empty = Directory.CreateTempSubdirectory("refheap-no-python-");
        try
        {
            var environment = CliEnvironment.FromProcess().With("PATH", empty.FullName);
            var result = CliHarness.RunWith(environment, "bench", "full_live", "pause_vs_heap", "-t", "20", "-p", "py27", "--cpython", "--json");

            Assert.Equal(0, result.ExitCode);
            using var doc = JsonDocument.Parse(result.Out);
            var cpython = doc.RootElement.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("impl").GetString() == "cpython-2.7").ToList();
            Assert.Equal(1 + 4, cpython.Count); // full_live, and pause_vs_heap's four sizes
            Assert.All(cpython, r =>
            {
                Assert.Equal("py27", r.GetProperty("profile").GetString());
                Assert.Equal("not-available", r.GetProperty("status").GetString());
                Assert.Equal("python not found on PATH", r.GetProperty("error").GetString());
                Assert.False(r.TryGetProperty("value", out _), "a missing CPython has no number");
            });
            Assert.Empty(doc.RootElement.GetProperty("comparisons").EnumerateArray());

            var table = CliHarness.RunWith(environment, "bench", "full_live", "-t", "20", "-p", "py27", "--cpython");
            Assert.Equal(0, table.ExitCode);
            Assert.Matches(@"│ full_live\s+│ ns per tracked object\s+│\s+[0-9.]+ │ n/a \[1\] │\s+- │", table.Out);
            Assert.Contains("[1] CPython: not available: python not found on PATH", table.Out);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Table_shows_each_profile_with_its_cpython()
    {
        var result = CliHarness.Run("bench", "full_live", "full_garbage", "-t", "20", "-p", "py312");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.StartsWith("refheap bench — 20 tasks, seed 1, ", lines[0]);
        Assert.Equal("", lines[2]);
        Assert.Equal("py312 (as CPython 3.12.1)", lines[3]);
        Assert.Matches(@"^│ workload\s+│ metric\s+│ Refheap │$", lines[5]);
        Assert.StartsWith("│ full_live ", lines[7]);
        Assert.Matches(@"^│\s+│ ns per tracked object \(Python\)\s+│\s+[0-9.]+ │$", lines[8]);
        Assert.StartsWith("│ full_garbage ", lines[9]);
        Assert.Contains("refheap bench: py312 full_live, full_garbage: Refheap…", result.Error);
        Assert.Contains("refheap bench: py312 full_live, full_garbage: Refheap Python front end…", result.Error);
    }

    [Theory]
    [InlineData("refheap: unknown workload 'full' (expected build, full_live, full_garbage, churn_weak, churn_strong_autogc, memory_per_task, pause_vs_heap)", "bench", "full")]
    [InlineData("refheap: unknown workload 'FULL_LIVE' (expected build, full_live, full_garbage, churn_weak, churn_strong_autogc, memory_per_task, pause_vs_heap)", "bench", "full_live", "FULL_LIVE")]
    [InlineData("refheap: invalid value 'py3' for --profile (expected py27, py312 or both)", "bench", "--profile", "py3")]
    [InlineData("refheap: invalid value '0' for --tasks (expected a whole number from 1 to 5000000)", "bench", "--tasks", "0")]
    [InlineData("refheap: invalid value 'lots' for --tasks (expected a whole number from 1 to 5000000)", "bench", "-t", "lots")]
    [InlineData("refheap: invalid value 'x' for --seed (expected a whole number)", "bench", "--seed", "x")]
    public void Usage_errors_are_one_line_and_exit_2(string expected, params string[] args)
    {
        var result = CliHarness.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected + "\n", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Help_shows_every_option_and_the_workloads()
    {
        var result = CliHarness.Run("bench", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-p, --profile <py27|py312|both>", result.Out);
        Assert.Contains("-j, --json", result.Out);
        Assert.Contains("-c, --cpython", result.Out);
        Assert.Contains("-t, --tasks <N>", result.Out);
        Assert.Contains("-s, --seed <S>", result.Out);
        Assert.Contains("build, full_live, full_garbage, churn_weak, churn_strong_autogc, memory_per_task, pause_vs_heap", result.Out);
        Assert.DoesNotContain("--in-process", result.Out);
    }

    [Fact]
    public void Comparisons_pair_the_sides_and_the_ratio_follows_the_better_direction()
    {
        using var doc = JsonDocument.Parse(SyntheticReportJson());
        var comparisons = doc.RootElement.GetProperty("comparisons").EnumerateArray().ToDictionary(c => c.GetProperty("metric").GetString()!);

        Assert.Equal(["time", "rate", "count"], comparisons.Keys);
        Assert.Equal(4.0, comparisons["time"].GetProperty("ratio").GetDouble());  // CPython ÷ Refheap
        Assert.Equal(3.0, comparisons["rate"].GetProperty("ratio").GetDouble());  // Refheap ÷ CPython
        Assert.False(comparisons["count"].TryGetProperty("ratio", out _));
        Assert.Equal(200, comparisons["time"].GetProperty("cpython").GetDouble());
        Assert.Equal(50, comparisons["time"].GetProperty("refheap").GetDouble());
        Assert.All(comparisons.Values, c => Assert.Equal("refheap-csharp", c.GetProperty("impl").GetString()));
    }

    [Fact]
    public void The_python_front_end_is_compared_with_the_same_cpython_figure_as_the_csharp_api()
    {
        using var doc = JsonDocument.Parse(SyntheticReportJson(withPython: true));
        var time = doc.RootElement.GetProperty("comparisons").EnumerateArray()
            .Where(c => c.GetProperty("metric").GetString() == "time").ToDictionary(c => c.GetProperty("impl").GetString()!);

        Assert.Equal(["refheap-csharp", "refheap-python"], time.Keys);
        Assert.Equal(4.0, time["refheap-csharp"].GetProperty("ratio").GetDouble());
        Assert.Equal(0.5, time["refheap-python"].GetProperty("ratio").GetDouble()); // 200 ÷ 400: half CPython's speed
        Assert.Equal(200, time["refheap-python"].GetProperty("cpython").GetDouble());
    }

    [Fact]
    public void Every_json_field_is_documented_in_docs_BENCHMARKS_md()
    {
        var docs = File.ReadAllText(Path.Combine(CliHarness.RepositoryRoot, "docs", "BENCHMARKS.md"));
        var documented = DocumentedField().Matches(docs).Select(m => m.Groups[1].Value).ToHashSet();
        var environment = CliEnvironment.FromProcess().With("PATH", "");
        using var doc = JsonDocument.Parse(CliHarness.RunWith(environment, "bench", "churn_strong_autogc", "-t", "20", "-p", "py27", "--cpython", "--json").Out);

        using var synthetic = JsonDocument.Parse(SyntheticReportJson()); // with comparisons, which need CPython
        var missing = FieldPaths(doc.RootElement, "").Concat(FieldPaths(synthetic.RootElement, "")).Distinct()
            .Where(path => !documented.Contains(path)).ToList();

        Assert.True(missing.Count == 0, "not documented in docs/BENCHMARKS.md: " + string.Join(", ", missing));
    }

    // A report of made-up numbers, Refheap and CPython side by side, as JSON.
    private static string SyntheticReportJson(bool withPython = false)
    {
        BenchResult R(string impl, string metric, string unit, string? better, double? value, string status = BenchStatus.Ok) => new()
        {
            Workload = "w", Impl = impl, Profile = "py27", Metric = metric, Unit = unit, Better = better, Value = value, Status = status, Tasks = 10,
        };
        var report = new BenchReport(
            "refheap bench", "0", "Release", DateTimeOffset.UnixEpoch, new MachineInfo(2, "cpu", "os", ".NET"), 10, 1, ["py27"], ["w"], true,
            [
                R("refheap-csharp", "time", "ns", "lower", 50), R("cpython-2.7", "time", "ns", "lower", 200),
                R("refheap-csharp", "rate", "tasks/s", "higher", 300), R("cpython-2.7", "rate", "tasks/s", "higher", 100),
                R("refheap-csharp", "count", "collections", null, 7), R("cpython-2.7", "count", "collections", null, 7),
                R("refheap-csharp", "missing", "B", "lower", 5), R("cpython-2.7", "missing", "B", "lower", null, BenchStatus.NotAvailable),
                .. withPython ? [R("refheap-python", "time", "ns", "lower", 400)] : Array.Empty<BenchResult>(),
            ]);
        var output = new StringWriter();
        new Rendering.JsonRenderer(output).RenderBench(report);
        return output.ToString();
    }

    private static bool Is(JsonElement r, string workload, string profile, string metric) =>
        r.GetProperty("workload").GetString() == workload && r.GetProperty("profile").GetString() == profile && r.GetProperty("metric").GetString() == metric;

    // Field paths as the docs write them: `results[].workload`, `machine.cores`.
    private static IEnumerable<string> FieldPaths(JsonElement e, string prefix)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                var path = prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}";
                yield return path;
                foreach (var inner in FieldPaths(p.Value, path))
                {
                    yield return inner;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in e.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).SelectMany(i => FieldPaths(i, prefix + "[]")).Distinct())
            {
                yield return inner;
            }
        }
    }

    [GeneratedRegex(@"^\|\s*`([A-Za-z0-9_.\[\]]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedField();
}
