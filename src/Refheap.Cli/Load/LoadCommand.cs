using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Refheap.Cli.Load;

/// <summary>
/// <c>refheap load --server-url URL [--clients N] [--requests N] [--duration S] [--live-tasks N]
/// [--subtasks N] [--payload-bytes B] [--seed S] [--stats-every K] [--out DIR]</c>: the talk's load
/// clients against a running <c>refheap serve</c>; writes requests.csv, samples.csv and
/// pauses.csv and prints a summary table.
/// </summary>
public static class LoadCommand
{
    /// <summary>Default of <c>--clients</c>.</summary>
    public const int DefaultClients = 8;

    /// <summary>Default of <c>--requests</c>.</summary>
    public const int DefaultRequests = 100_000;

    /// <summary>Default of <c>--duration</c> in seconds.</summary>
    public const int DefaultDurationSeconds = 300;

    /// <summary>Default of <c>--live-tasks</c>: the talk's plateau.</summary>
    public const int DefaultLiveTasks = 12_000;

    /// <summary>Default of <c>--subtasks</c>, as the talk's graph.</summary>
    public const int DefaultSubtasks = 5;

    /// <summary>Default of <c>--payload-bytes</c>, as the experiment's: enough that memory per task shows.</summary>
    public const int DefaultPayloadBytes = 1_000;

    /// <summary>Default of <c>--stats-every</c>.</summary>
    public const int DefaultStatsEvery = 500;

    /// <summary>The <c>load</c> command, writing through <paramref name="console"/>.</summary>
    public static Command Build(CliConsole console)
    {
        var serverUrl = LoadOptions.ServerUrlOption("The server to load, e.g. http://127.0.0.1:5080 (refheap serve); loopback only unless --allow-remote");
        serverUrl.Required = true;
        var allowRemote = LoadOptions.AllowRemoteOption();
        var clients = LoadOptions.ClientsOption($"default {DefaultClients}");
        var requests = LoadOptions.RequestsOption($"default {DefaultRequests:N0}");
        var duration = LoadOptions.DurationOption($"default {DefaultDurationSeconds}");
        var liveTasks = LoadOptions.LiveTasksOption($"default {DefaultLiveTasks:N0}");
        var subtasks = LoadOptions.SubtasksOption($"default {DefaultSubtasks}");
        var payloadBytes = LoadOptions.PayloadBytesOption($"default {DefaultPayloadBytes}");
        var seed = LoadOptions.SeedOption();
        var statsEvery = LoadOptions.StatsEveryOption($"default {DefaultStatsEvery}");
        var output = LoadOptions.OutOption("Folder for requests.csv, samples.csv and pauses.csv", ".");
        var requestsCsv = new Option<string?>("--requests-csv") { Description = "Write the requests here instead of DIR/requests.csv", HelpName = "PATH" };
        var samplesCsv = new Option<string?>("--samples-csv") { Description = "Write the /stats samples here instead of DIR/samples.csv", HelpName = "PATH" };
        var command = new Command(
            "load",
            "Send the talk's REST load to a running Task/Subtask server: clients create tasks with subtasks, read them and delete "
            + "tasks so that the live tasks ramp up to --live-tasks and hold; every request and /stats sample is recorded")
        {
            serverUrl, allowRemote, clients, requests, duration, liveTasks, subtasks, payloadBytes, seed, statsEvery, output, requestsCsv, samplesCsv,
        };

        command.SetAction(parsed =>
        {
            var settings = new LoadSettings(
                ServerUrls.Check(parsed.GetRequiredValue(serverUrl), parsed.GetValue(allowRemote)),
                parsed.GetValue(clients) ?? DefaultClients,
                parsed.GetValue(requests) ?? DefaultRequests,
                TimeSpan.FromSeconds(parsed.GetValue(duration) ?? DefaultDurationSeconds),
                parsed.GetValue(liveTasks) ?? DefaultLiveTasks,
                parsed.GetValue(subtasks) ?? DefaultSubtasks,
                parsed.GetValue(payloadBytes) ?? DefaultPayloadBytes,
                parsed.GetValue(seed),
                parsed.GetValue(statsEvery) ?? DefaultStatsEvery);
            var directory = parsed.GetRequiredValue(output);
            var result = Run(settings, console, "load");

            LoadCsv.WriteRequests(parsed.GetValue(requestsCsv) ?? Path.Combine(directory, "requests.csv"), result);
            LoadCsv.WriteSamples(parsed.GetValue(samplesCsv) ?? Path.Combine(directory, "samples.csv"), result);
            LoadCsv.WritePauses(Path.Combine(directory, "pauses.csv"), result);

            var final = result.Final;
            console.Screen.MarkupLineInterpolated(
                $"[bold]refheap load[/] — {settings.ServerUrl}: model {final.Model}, profile {final.Profile}, {settings.Clients} clients, seed {settings.Seed}");
            console.Screen.Write(LoadTable.Build([(final.Model, result)]));
            console.Screen.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Server after the load: {final.Tasks:N0} tasks, {final.TaskObjects:N0} Task objects alive; {result.Samples.Count:N0} /stats samples, {result.Pauses.Count:N0} pauses."));
            return LoadSummary.Of(result).Errors == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Runs one load with a progress bar labelled <paramref name="label"/> on stderr.</summary>
    public static LoadResult Run(LoadSettings settings, CliConsole console, string label)
    {
        using var http = LoadRunner.CreateHttpClient(settings);
        return ErrorScreen.Progress(console).StartAsync(async context =>
        {
            var task = context.AddTask(label, maxValue: settings.Requests);
            var result = await new LoadRunner(settings, http, done => task.Value = done).RunAsync().ConfigureAwait(false);
            task.Value = task.MaxValue; // a run cut short by --duration is finished too
            return result;
        }).GetAwaiter().GetResult();
    }
}
