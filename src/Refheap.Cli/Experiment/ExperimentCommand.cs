using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Refheap.Cli.Load;
using Refheap.Cli.Options;
using Refheap.Cli.Rendering;
using Spectre.Console;

namespace Refheap.Cli.Experiment;

/// <summary>
/// <c>refheap experiment [--models strong,weak,managed] [--profile py27|py312] [--quick] [--out DIR]
/// [--server-url URL]... [scale options]</c>: the talk's REST-server experiment — each model's server
/// in a child process of its own, loaded in turn — written out as CSV files, figures, summary.json
/// and report.html.
/// </summary>
public static class ExperimentCommand
{
    /// <summary>Default of <c>--out</c>.</summary>
    public const string DefaultOut = "./refheap-report/";

    /// <summary>The <c>experiment</c> command, writing through <paramref name="console"/>.</summary>
    public static Command Build(CliConsole console)
    {
        var normal = ExperimentScales.Default;
        var quick = ExperimentScales.Quick;
        string Defaults(int n, int q) => string.Create(CultureInfo.InvariantCulture, $"default {n:N0}, with --quick {q:N0}");

        var models = ModelsOption();
        var profile = OptionFactory.ProfileOption();
        var quickOption = new Option<bool>("--quick", "-q")
        {
            Description = "A small run: all three models in about a minute on two cores, still showing version 1's sawtooth",
        };
        var output = LoadOptions.OutOption("Folder for the CSV files, figures, summary.json and report.html", DefaultOut);
        var serverUrls = new Option<string[]>("--server-url", "-u")
        {
            Description = "Load this running server instead of starting one per model: once for every model, or once per model in --models order",
            HelpName = "URL",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var allowRemote = LoadOptions.AllowRemoteOption();
        var clients = LoadOptions.ClientsOption(Defaults(normal.Clients, quick.Clients));
        var requests = LoadOptions.RequestsOption(Defaults(normal.Requests, quick.Requests) + " per model");
        var duration = LoadOptions.DurationOption(Defaults((int)normal.DurationSeconds, (int)quick.DurationSeconds) + " per model");
        var liveTasks = LoadOptions.LiveTasksOption(Defaults(normal.LiveTasks, quick.LiveTasks));
        var subtasks = LoadOptions.SubtasksOption(Defaults(normal.Subtasks, quick.Subtasks));
        var payloadBytes = LoadOptions.PayloadBytesOption(Defaults(normal.PayloadBytes, quick.PayloadBytes));
        var statsEvery = LoadOptions.StatsEveryOption(Defaults(normal.StatsEvery, quick.StatsEvery));
        var seed = LoadOptions.SeedOption();
        var command = new Command(
            "experiment",
            "The talk's experiment: run the Task/Subtask REST server of each model (strong = version 1, weak = version 2, managed = .NET GC) "
            + "in a child process, load it, and write CSV files, figures, summary.json and report.html")
        {
            models, profile, quickOption, output, serverUrls, allowRemote, clients, requests, duration, liveTasks, subtasks, payloadBytes, statsEvery, seed,
        };

        command.SetAction(parsed =>
        {
            var isQuick = parsed.GetValue(quickOption);
            var scale = isQuick ? quick : normal;
            var selected = parsed.GetRequiredValue(models);
            var urls = (parsed.GetValue(serverUrls) ?? []).Select(u => ServerUrls.Check(u, parsed.GetValue(allowRemote))).ToList();
            if (urls.Count > 1 && urls.Count != selected.Count)
            {
                throw new CommandLineErrorException($"--server-url given {urls.Count} times for {selected.Count} models (give it once, or once per model)");
            }

            var load = new LoadSettings(
                urls.FirstOrDefault() ?? new Uri("http://127.0.0.1/"), // each model's run sets its own
                parsed.GetValue(clients) ?? scale.Clients,
                parsed.GetValue(requests) ?? scale.Requests,
                TimeSpan.FromSeconds(parsed.GetValue(duration) ?? scale.DurationSeconds),
                parsed.GetValue(liveTasks) ?? scale.LiveTasks,
                parsed.GetValue(subtasks) ?? scale.Subtasks,
                parsed.GetValue(payloadBytes) ?? scale.PayloadBytes,
                parsed.GetValue(seed),
                parsed.GetValue(statsEvery) ?? scale.StatsEvery);
            var settings = new ExperimentSettings(selected, parsed.GetRequiredValue(profile), isQuick, parsed.GetRequiredValue(output), urls, load);
            var commandLine = string.Join(' ', new[] { RefheapCommand.Name }.Concat(parsed.Tokens.Select(t => t.Value)));
            var summary = Run(settings, console, commandLine);
            return summary.Models.All(m => m.Errors == 0) ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Runs the experiment and writes everything to <see cref="ExperimentSettings.Out"/>.</summary>
    public static ExperimentSummary Run(ExperimentSettings settings, CliConsole console, string commandLine)
    {
        var date = DateTimeOffset.UtcNow;
        Directory.CreateDirectory(settings.Out);
        var runs = ExperimentRunner.Run(settings, console);

        foreach (var run in runs)
        {
            var (requests, samples, pauses) = ModelSummary.CsvNames(run.Model);
            LoadCsv.WriteRequests(Path.Combine(settings.Out, requests), run.Result);
            LoadCsv.WriteSamples(Path.Combine(settings.Out, samples), run.Result);
            LoadCsv.WritePauses(Path.Combine(settings.Out, pauses), run.Result);
        }

        var figures = ExperimentFigures.WriteAll(settings.Out, runs);
        var load = settings.Load;
        var summary = new ExperimentSummary(
            commandLine,
            RefheapCommand.Version,
            date,
            settings.Profile.Name,
            settings.Quick,
            new ExperimentScale(load.Clients, load.Requests, load.Duration.TotalSeconds, load.LiveTasks, load.Subtasks, load.PayloadBytes, load.Seed, load.StatsEvery),
            [.. runs.Select(ModelSummary.Of)],
            figures);
        File.WriteAllText(Path.Combine(settings.Out, "summary.json"), JsonSerializer.Serialize(summary, JsonRenderer.Options));
        ReportHtml.Write(Path.Combine(settings.Out, ReportHtml.FileName), summary);

        console.Screen.WriteLine(string.Create(CultureInfo.InvariantCulture, $"refheap experiment — profile {settings.Profile.Name}, {load.Clients} clients, seed {load.Seed}"));
        console.Screen.Write(LoadTable.Build([.. runs.Select(r => (r.Model, r.Result))]));
        console.Screen.WriteLine($"Report: {Path.Combine(settings.Out, ReportHtml.FileName)} (figures: {string.Join(", ", figures)})");
        return summary;
    }

    // -m, --models strong,weak,managed: a comma-separated list (or repeated), each model once.
    private static Option<IReadOnlyList<string>> ModelsOption() => new("--models", "-m")
    {
        Description = "Server models to run, in this order: strong (version 1), weak (version 2), managed (.NET GC)",
        HelpName = "strong,weak,managed",
        Arity = ArgumentArity.OneOrMore,
        DefaultValueFactory = _ => ServerModels.All,
        CustomParser = ParseModels,
    };

    private static IReadOnlyList<string> ParseModels(ArgumentResult result)
    {
        var models = new List<string>();
        foreach (var name in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!ServerModels.All.Contains(name))
            {
                result.AddError($"unknown model '{name}' for --models (expected strong, weak or managed)");
                return [];
            }

            if (!models.Contains(name))
            {
                models.Add(name);
            }
        }

        if (models.Count == 0)
        {
            result.AddError("--models names no model (expected strong, weak or managed)");
        }

        return models;
    }
}
