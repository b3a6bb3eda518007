using Refheap.Cli.Load;
using Spectre.Console;

namespace Refheap.Cli.Experiment;

/// <summary>
/// Runs each model in turn: starts its server as a child process (or takes the given URL),
/// sends the load, and stops the server before the next model starts, so that the models never
/// share the two cores. Version 1's cycle report (unless <c>--no-cycle-report</c>) comes from a
/// diagnosis run of its own after the measured one — a child started with <c>--cycle-report</c>
/// under a tenth of the live tasks and a fifth of the requests — because the report's analysis
/// runs inside every collection and would lengthen the pauses the figures show. A server given
/// with <c>--server-url</c> is asked for its report after the measured load instead. Progress
/// bars go to stderr, one per model.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>How long a child server may take to print its URL (a cold start builds nothing, but a busy machine is slow).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs every model of <paramref name="settings"/>.</summary>
    public static IReadOnlyList<ModelRun> Run(ExperimentSettings settings, CliConsole console) =>
        ErrorScreen.Progress(console).StartAsync(async context =>
        {
            var bars = settings.Models.Select(m => context.AddTask(Markup.Escape(m), autoStart: false, maxValue: settings.Load.Requests)).ToList();
            var runs = new List<ModelRun>();
            for (var i = 0; i < settings.Models.Count; i++)
            {
                runs.Add(await RunModelAsync(settings, i, bars[i], console).ConfigureAwait(false));
            }

            return (IReadOnlyList<ModelRun>)runs;
        }).GetAwaiter().GetResult();

    private static async Task<ModelRun> RunModelAsync(ExperimentSettings settings, int index, ProgressTask bar, CliConsole console)
    {
        var model = settings.Models[index];
        bar.StartTask();
        ServerChildProcess? child = null;
        try
        {
            var url = settings.ServerUrlOf(index);
            if (url == null)
            {
                bar.Description = Markup.Escape($"{model}: starting server");
                child = await ServerChildProcess.StartAsync(model, settings.Profile, [], console.Environment, StartTimeout).ConfigureAwait(false);
                url = child.Url;
            }

            bar.Description = Markup.Escape(model);
            var load = settings.Load with { ServerUrl = ServerUrls.Check(url.ToString(), allowRemote: true), IdPrefix = model + "-" };
            using var http = LoadRunner.CreateHttpClient(load);
            var result = await new LoadRunner(load, http, done => bar.Value = done).RunAsync().ConfigureAwait(false);
            var wantsCycles = model == ServerModels.Strong && settings.CycleReport;
            var (cycles, cyclesError) = !wantsCycles ? (null, null)
                : child == null ? await ServerCycles.FetchAsync(http, load.ServerUrl).ConfigureAwait(false)
                : await DiagnoseCyclesAsync(settings, load, bar, console).ConfigureAwait(false);
            bar.Value = bar.MaxValue;
            bar.StopTask();
            return new ModelRun(model, load.ServerUrl, child != null, result, cycles, cyclesError);
        }
        finally
        {
            child?.Dispose();
        }
    }

    /// <summary>The load of version 1's diagnosis run: the measured load scaled down, the same seed.</summary>
    public static LoadSettings DiagnosisLoad(LoadSettings measured) => measured with
    {
        Requests = Math.Max(1, measured.Requests / 5),
        LiveTasks = measured.LiveTasks / 10,
        IdPrefix = ServerModels.Strong + "-diagnosis-",
    };

    private static async Task<(Refheap.Server.Debug.CycleReportSummary?, string?)> DiagnoseCyclesAsync(ExperimentSettings settings, LoadSettings measured, ProgressTask bar, CliConsole console)
    {
        bar.Description = Markup.Escape($"{ServerModels.Strong}: cycle report");
        using var child = await ServerChildProcess.StartAsync(ServerModels.Strong, settings.Profile, ["--cycle-report"], console.Environment, StartTimeout).ConfigureAwait(false);
        var load = DiagnosisLoad(measured) with { ServerUrl = ServerUrls.Check(child.Url.ToString(), allowRemote: true) };
        using var http = LoadRunner.CreateHttpClient(load);
        await new LoadRunner(load, http, _ => { }).RunAsync().ConfigureAwait(false);
        return await ServerCycles.FetchAsync(http, load.ServerUrl).ConfigureAwait(false);
    }
}
