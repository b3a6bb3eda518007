using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Refheap.Cli.Bench;

namespace Refheap.Benchmarks;

/// <summary>
/// full_live and full_garbage on the Task/Subtask graph, on Refheap and (with --cpython) on
/// the paired CPython in the same run: <c>dotnet run -c Release --project bench/Refheap.Benchmarks -- gc-graph [--tasks N] [--cpython]</c>.
/// Kept for bench/compare.sh; <c>refheap bench full_live full_garbage --cpython</c> measures the
/// same graph (the same TaskGraph.cs) with a JIT warm-up first and more workloads.
/// </summary>
internal static class CollectorWorkloads
{
    /// <summary>Runs the workloads for both profiles and prints one table.</summary>
    public static int Run(string[] args)
    {
        var tasks = 1_000_000;
        var cpython = args.Contains("--cpython");
        var i = Array.IndexOf(args, "--tasks");
        if (i >= 0 && (i + 1 >= args.Length || !int.TryParse(args[i + 1], out tasks) || tasks <= 0))
        {
            Console.Error.WriteLine("gc-graph: --tasks needs a positive number");
            return 2;
        }

        Console.WriteLine($"tasks: {tasks}; {Environment.ProcessorCount} cores; {CpuModel()}");
        Console.WriteLine("| profile | workload | Refheap ns/object | CPython ns/object | CPython / Refheap | objects |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (profile, python) in new[] { (Profile.Py27, "2.7.18"), (Profile.Py312, "3.12.1") })
        {
            var (live, garbage, tracked, collected) = Measure(profile, tasks);
            var reference = cpython ? RunCPython(python, tasks) : null;
            Row(profile.Name, "full_live", live, reference?.GetProperty("full_live_ns_per_object").GetDouble(), tracked);
            Row(profile.Name, "full_garbage", garbage, reference?.GetProperty("full_garbage_ns_per_object").GetDouble(), collected);
        }

        return 0;
    }

    private static (double Live, double Garbage, long Tracked, long Collected) Measure(Profile profile, int tasks)
    {
        using var rt = new Runtime(profile);
        using var root = rt.OpenScope();
        rt.Gc.Disable();
        double live;
        long tracked;
        using (rt.OpenScope())
        {
            TaskGraph.Build(rt, tasks);
            rt.Gc.Collect();
            var (g0, g1, g2) = rt.Gc.TrackedObjects();
            tracked = g0 + g1 + g2;
            var sw = Stopwatch.StartNew();
            rt.Gc.Collect();
            live = sw.Elapsed.TotalNanoseconds / tracked;
        }

        var watch = Stopwatch.StartNew();
        var collected = rt.Gc.Collect();
        var garbage = watch.Elapsed.TotalNanoseconds / Math.Max(collected, 1);
        return (live, garbage, tracked, collected);
    }

    private static JsonElement? RunCPython(string version, int tasks)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "cpython", "gc_graph.py");
        var psi = new ProcessStartInfo("python", [script, tasks.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["PYENV_VERSION"] = version;
        try
        {
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                Console.Error.WriteLine($"CPython {version}: exit {p.ExitCode}: {p.StandardError.ReadToEnd().Trim()}");
                return null;
            }

            return JsonDocument.Parse(output).RootElement.Clone();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"CPython {version} is not available here: {e.Message}");
            return null;
        }
    }

    private static void Row(string profile, string workload, double refheap, double? cpython, long objects)
    {
        var c = cpython is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "not measured";
        var ratio = cpython is { } r ? (r / refheap).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";
        Console.WriteLine($"| {profile} | {workload} | {refheap.ToString("F1", CultureInfo.InvariantCulture)} | {c} | {ratio} | {objects:N0} |");
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
