using System.Diagnostics;
using System.Globalization;
using Refheap.Cli.Bench.Workloads;

namespace Refheap.Cli.Bench;

/// <summary>
/// Runs the workloads: per profile, per family of workloads, Refheap's side through the C# API,
/// the same family's script on Refheap's Python front end where it runs there, and then (with
/// <c>--cpython</c>) that script on the paired CPython, in this process's run. Progress goes to stderr.
/// A side that cannot run becomes results with a status and no value, never a number.
/// </summary>
internal sealed class BenchRunner(BenchSettings settings, CliConsole console, string scriptDirectory)
{
    private static readonly IWorkloadFamily[] s_families =
    [
        new GcGraphWorkloads(),
        new ChurnWorkload(weak: true),
        new ChurnWorkload(weak: false),
        new MemoryPerTaskWorkload(),
        new PauseVsHeapWorkload(),
    ];

    private readonly CPythonRunner _cpython = new(console.Environment, scriptDirectory);
    private readonly PythonFrontEndRunner _python = new(scriptDirectory);

    /// <summary>Every result, in running order.</summary>
    public List<BenchResult> Run()
    {
        var results = new List<BenchResult>();
        foreach (var profile in settings.Profiles)
        {
            if (!settings.InProcess)
            {
                Step($"{profile.Name} warm-up: Refheap", () => WarmUp(profile));
            }

            foreach (var family in s_families)
            {
                var wanted = family.Workloads.Where(settings.Wants).ToList();
                if (wanted.Count == 0)
                {
                    continue;
                }

                var names = string.Join(", ", wanted.Select(w => w.Name));
                results.AddRange(Step($"{profile.Name} {names}: Refheap", () => RefheapSide(family, wanted, profile)));
                if (family.RunsOnPythonFrontEnd)
                {
                    results.AddRange(Step($"{profile.Name} {names}: Refheap Python front end", () => PythonSide(family, wanted, profile)));
                }

                if (settings.CPython)
                {
                    results.AddRange(Step($"{profile.Name} {names}: CPython {profile.PythonVersion}", () => CPythonSide(family, wanted, profile)));
                }
            }
        }

        return results;
    }

    /// <summary>
    /// Runs every wanted family's Refheap side (C# API, and Python front end where the family
    /// runs there) <see cref="WarmUpRounds"/> times on <see cref="WarmUpTasks"/> Tasks
    /// (memory_per_task in this process), pausing between
    /// rounds, so that .NET's tiered JIT has replaced the runtime's first, unoptimised code
    /// (call counting starts after 100 ms without new methods, tier 1 after 30 calls) before
    /// anything is timed. CPython has no JIT to warm. Nothing is recorded.
    /// </summary>
    private bool WarmUp(Profile profile)
    {
        var small = settings with { Tasks = Math.Min(settings.Tasks, WarmUpTasks), InProcess = true };
        for (var round = 0; round < WarmUpRounds; round++)
        {
            foreach (var family in s_families.Where(f => f.Workloads.Any(settings.Wants)))
            {
                try
                {
                    family.MeasureRefheap(profile, small, console.Environment);
                    if (family.RunsOnPythonFrontEnd)
                    {
                        var (script, arguments) = family.CPythonScript(small);
                        _python.RunScript(profile, script, arguments);
                    }
                }
                catch (Exception e) when (e is WorkloadNotAvailableException or BenchMeasurementException)
                {
                    // Nothing to warm; the timed run reports what failed.
                }
            }

            Thread.Sleep(WarmUpPause);
        }

        return true;
    }

    private const int WarmUpTasks = 1000;
    private const int WarmUpRounds = 4;
    private static readonly TimeSpan WarmUpPause = TimeSpan.FromMilliseconds(150);

    private List<BenchResult> RefheapSide(IWorkloadFamily family, List<BenchWorkload> wanted, Profile profile)
    {
        try
        {
            var measured = family.MeasureRefheap(profile, settings, console.Environment);
            return Label(measured, wanted, BenchImpl.RefheapCSharp, profile, RefheapCommand.Version);
        }
        catch (WorkloadNotAvailableException e)
        {
            return Missing(family, wanted, BenchImpl.RefheapCSharp, profile, BenchStatus.NotAvailable, e.Message);
        }
        catch (BenchMeasurementException e)
        {
            return Missing(family, wanted, BenchImpl.RefheapCSharp, profile, BenchStatus.Error, e.Message);
        }
        catch (PythonException e) when (e.TypeName == "MemoryError")
        {
            return Missing(family, wanted, BenchImpl.RefheapCSharp, profile, BenchStatus.Error, $"the heap ran out of memory ({e.Message})");
        }
    }

    private List<BenchResult> PythonSide(IWorkloadFamily family, List<BenchWorkload> wanted, Profile profile)
    {
        try
        {
            var (script, arguments) = family.CPythonScript(settings);
            var output = _python.RunScript(profile, script, arguments);
            return WithNotMeasured(Label(family.ReadCPython(output, settings), wanted, BenchImpl.RefheapPython, profile, RefheapCommand.Version), wanted, BenchImpl.RefheapPython, profile);
        }
        catch (WorkloadNotAvailableException e)
        {
            return Missing(family, wanted, BenchImpl.RefheapPython, profile, BenchStatus.NotAvailable, e.Message, script: true);
        }
        catch (BenchMeasurementException e)
        {
            return Missing(family, wanted, BenchImpl.RefheapPython, profile, BenchStatus.Error, e.Message, script: true);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            return Missing(family, wanted, BenchImpl.RefheapPython, profile, BenchStatus.Error, $"unexpected output from the script: {e.Message}", script: true);
        }
    }

    // The script-side results plus one "not measured" result for each metric no script measures.
    private List<BenchResult> WithNotMeasured(List<BenchResult> results, List<BenchWorkload> wanted, string impl, Profile profile)
    {
        foreach (var workload in wanted)
        {
            foreach (var metric in workload.Metrics.Where(m => m.NotOnCPython != null))
            {
                results.Add(Result(workload, metric, impl, profile, settings.Tasks) with { Status = BenchStatus.NotMeasured, Error = metric.NotOnCPython });
            }
        }

        return results;
    }

    private List<BenchResult> CPythonSide(IWorkloadFamily family, List<BenchWorkload> wanted, Profile profile)
    {
        var impl = BenchImpl.CPython(profile);
        var version = profile.PythonVersion;
        if (_cpython.WhyNotAvailable(version) is { } why)
        {
            return Missing(family, wanted, impl, profile, BenchStatus.NotAvailable, why, script: true);
        }

        try
        {
            var (script, arguments) = family.CPythonScript(settings);
            var output = _cpython.RunScript(version, script, arguments);
            return WithNotMeasured(Label(family.ReadCPython(output, settings), wanted, impl, profile, output.GetProperty("python").GetString()), wanted, impl, profile);
        }
        catch (WorkloadNotAvailableException e)
        {
            return Missing(family, wanted, impl, profile, BenchStatus.NotAvailable, e.Message, script: true);
        }
        catch (BenchMeasurementException e)
        {
            return Missing(family, wanted, impl, profile, BenchStatus.Error, e.Message, script: true);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            return Missing(family, wanted, impl, profile, BenchStatus.Error, $"unexpected output from the CPython script: {e.Message}", script: true);
        }
    }

    // Measurements of the wanted workloads, labelled with the side, profile, unit and direction.
    private static List<BenchResult> Label(IEnumerable<Measurement> measured, List<BenchWorkload> wanted, string impl, Profile profile, string? version) =>
        measured
            .Select(m => (Measurement: m, Workload: wanted.FirstOrDefault(w => w.Name == m.Workload)))
            .Where(p => p.Workload != null)
            .Select(p => Result(p.Workload!, p.Workload!.Metric(p.Measurement.Metric), impl, profile, p.Measurement.Tasks) with
            {
                Value = p.Measurement.Value,
                Objects = p.Measurement.Objects,
                Version = version,
                Method = p.Measurement.Method,
            })
            .ToList();

    // One result without a value for every number the side would have produced.
    private List<BenchResult> Missing(IWorkloadFamily family, List<BenchWorkload> wanted, string impl, Profile profile, string status, string why, bool script = false)
    {
        var sizes = family is PauseVsHeapWorkload ? settings.PauseSizes : [settings.Tasks];
        return
        [
            .. from workload in wanted
               from metric in workload.Metrics
               from size in sizes
               let notOnCPython = script ? metric.NotOnCPython : null
               select Result(workload, metric, impl, profile, size) with
               {
                   Status = notOnCPython != null ? BenchStatus.NotMeasured : status,
                   Error = notOnCPython ?? why,
               },
        ];
    }

    private static BenchResult Result(BenchWorkload workload, BenchMetric metric, string impl, Profile profile, long? tasks) => new()
    {
        Workload = workload.Name,
        Impl = impl,
        Profile = profile.Name,
        Metric = metric.Name,
        Unit = metric.Unit,
        Better = metric.Better switch
        {
            Better.Lower => "lower",
            Better.Higher => "higher",
            _ => null,
        },
        Tasks = tasks,
    };

    // "refheap bench: py27 full_live, full_garbage: Refheap… 1.2 s" on stderr.
    private T Step<T>(string what, Func<T> run)
    {
        console.Error.Write($"{RefheapCommand.Name} bench: {what}…");
        console.Error.Flush();
        var watch = Stopwatch.StartNew();
        var result = run();
        console.Error.WriteLine(" " + watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        return result;
    }
}
