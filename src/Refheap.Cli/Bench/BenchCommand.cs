using System.CommandLine;
using System.CommandLine.Parsing;
using Refheap.Cli.Options;
using Refheap.Cli.Rendering;

namespace Refheap.Cli.Bench;

/// <summary>
/// <c>refheap bench [WORKLOAD...] [--profile py27|py312|both] [--json] [--cpython] [--tasks N] [--seed S]</c>:
/// the workloads of docs/BENCHMARKS.md on Refheap (through the public C# API) and, with
/// <c>--cpython</c>, on the paired CPython in the same run, with their ratios.
/// </summary>
public static class BenchCommand
{
    /// <summary>
    /// Tasks per graph when <c>--tasks</c> is not given: every workload on both profiles with
    /// <c>--cpython</c> takes under 2 minutes on 2 cores, CPython 2.7 being most of it
    /// (docs/BENCHMARKS.md); pause_vs_heap then goes from 5,000 to 500,000 Tasks.
    /// </summary>
    public const int DefaultTasks = 500_000;

    /// <summary>The <c>bench</c> command, writing through <paramref name="console"/>.</summary>
    public static Command Build(CliConsole console)
    {
        var workloads = WorkloadsArgument();
        var profiles = OptionFactory.ProfilesOption();
        var json = OptionFactory.JsonOption();
        var cpython = OptionFactory.CPythonOption();
        var tasks = OptionFactory.TasksOption(DefaultTasks);
        var seed = OptionFactory.SeedOption();
        var inProcess = OptionFactory.InProcessOption();
        var command = new Command(
            "bench",
            "Time the collector and allocator on the talk's Task graph (full collections, churn, memory per Task, "
            + "pause against heap size), beside the paired CPython with --cpython")
        {
            workloads,
            profiles,
            json,
            cpython,
            tasks,
            seed,
            inProcess,
        };

        command.SetAction(parsed =>
        {
            var selected = parsed.GetValue(workloads) is { Count: > 0 } named ? named : BenchWorkloads.All;
            var settings = new BenchSettings(
                [.. BenchWorkloads.All.Where(selected.Contains)],
                parsed.GetRequiredValue(profiles),
                parsed.GetValue(tasks),
                parsed.GetValue(seed),
                parsed.GetValue(cpython),
                parsed.GetValue(inProcess));
            var commandLine = string.Join(' ', new[] { RefheapCommand.Name }.Concat(parsed.Tokens.Select(t => t.Value)));
            var report = Run(settings, console, commandLine);
            IRenderer renderer = parsed.GetValue(json) ? new JsonRenderer(console.Out) : new ConsoleRenderer(console.Screen);
            renderer.RenderBench(report);
            return report.AnyError ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs the workloads of <paramref name="settings"/> and collects the report.</summary>
    public static BenchReport Run(BenchSettings settings, CliConsole console, string commandLine, string? scriptDirectory = null)
    {
        var build = BenchReport.RuntimeBuild;
        if (build != "Release" && !settings.InProcess)
        {
            console.Error.WriteLine($"{RefheapCommand.Name} bench: note: Refheap is a {build} build; for numbers worth quoting run it from a Release build (dotnet run -c Release --project src/Refheap.Cli -- bench)");
        }

        var date = DateTimeOffset.UtcNow;
        var results = new BenchRunner(settings, console, scriptDirectory ?? CPythonRunner.DefaultScriptDirectory).Run();
        return new BenchReport(
            commandLine,
            RefheapCommand.Version,
            build,
            date,
            MachineInfo.Current(),
            settings.Tasks,
            settings.Seed,
            [.. settings.Profiles.Select(p => p.Name)],
            [.. settings.Workloads.Select(w => w.Name)],
            settings.CPython,
            results);
    }

    // WORKLOAD...: names from BenchWorkloads; none means all. An unknown name is a usage error.
    private static Argument<IReadOnlyList<BenchWorkload>> WorkloadsArgument() => new("WORKLOAD")
    {
        Description = "Workloads to run (default: all): " + string.Join(", ", BenchWorkloads.All.Select(w => w.Name)),
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = ParseWorkloads,
    };

    private static IReadOnlyList<BenchWorkload> ParseWorkloads(ArgumentResult result)
    {
        var workloads = new List<BenchWorkload>();
        foreach (var token in result.Tokens)
        {
            if (BenchWorkloads.Find(token.Value) is { } workload)
            {
                workloads.Add(workload);
            }
            else
            {
                result.AddError($"unknown workload '{token.Value}' (expected {string.Join(", ", BenchWorkloads.All.Select(w => w.Name))})");
                break;
            }
        }

        return workloads;
    }
}
