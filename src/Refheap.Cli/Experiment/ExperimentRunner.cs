using Refheap.Cli.Load;
using Spectre.Console;

namespace Refheap.Cli.Experiment;

/// <summary>
/// Runs each model in turn: starts its server as a child process (or takes the given URL),
/// sends the load, and stops the server before the next model starts, so that the models never
/// share the two cores. Progress bars go to stderr, one per model.
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
                child = await ServerChildProcess.StartAsync(model, settings.Profile, console.Environment, StartTimeout).ConfigureAwait(false);
                url = child.Url;
            }

            bar.Description = Markup.Escape(model);
            var load = settings.Load with { ServerUrl = ServerUrls.Check(url.ToString(), allowRemote: true), IdPrefix = model + "-" };
            using var http = LoadRunner.CreateHttpClient(load);
            var result = await new LoadRunner(load, http, done => bar.Value = done).RunAsync().ConfigureAwait(false);
            bar.Value = bar.MaxValue;
            bar.StopTask();
            return new ModelRun(model, load.ServerUrl, child != null, result);
        }
        finally
        {
            child?.Dispose();
        }
    }
}
