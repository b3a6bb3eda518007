using System.CommandLine;
using Refheap.Cli.Options;
using Refheap.Server;

namespace Refheap.Cli.Serve;

/// <summary>
/// <c>refheap serve [--model strong|weak|managed] [--profile py27|py312] [--urls URL]
/// [--max-body-bytes N]</c>: runs the talk's Task/Subtask server until Ctrl+C or SIGTERM.
/// </summary>
/// <remarks>
/// Once Kestrel listens it prints <c>listening on URL</c> (one line per address, with the real
/// port when port 0 was asked for) to stdout, which <c>refheap experiment</c> waits for; the
/// server logs only warnings, to stderr.
/// </remarks>
public static class ServeCommand
{
    /// <summary>The <c>serve</c> command, writing through <paramref name="console"/>.</summary>
    public static Command Build(CliConsole console)
    {
        var model = ServeOptions.ModelOption();
        var profile = OptionFactory.ProfileOption();
        var urls = ServeOptions.UrlsOption();
        var maxBodyBytes = ServeOptions.MaxBodyBytesOption();
        var command = new Command(
            "serve",
            "Run the talk's Task/Subtask REST server (GET/PUT/DELETE /tasks/{id}/, /subtasks/..., /stats, /metrics) until Ctrl+C")
        {
            model,
            profile,
            urls,
            maxBodyBytes,
        };

        command.SetAction((parsed, cancellationToken) => RunAsync(
            new ServerOptions
            {
                Model = parsed.GetValue(model),
                Profile = parsed.GetRequiredValue(profile),
                Urls = parsed.GetRequiredValue(urls),
                MaxBodyBytes = parsed.GetValue(maxBodyBytes),
            },
            console,
            cancellationToken));
        return command;
    }

    /// <summary>Starts the server, announces its addresses, and waits for Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>.</summary>
    /// <exception cref="CommandLineErrorException">An address could not be bound.</exception>
    public static async Task<int> RunAsync(ServerOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        RefheapServer server;
        try
        {
            server = await RefheapServer.StartAsync(options, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or UriFormatException)
        {
            throw new CommandLineErrorException($"cannot listen on {options.Urls}: {e.Message}", ExitCodes.Failure);
        }

        await using (server)
        {
            foreach (var url in server.Urls)
            {
                console.Out.WriteLine($"listening on {url}");
            }

            console.Out.Flush();
            try
            {
                await server.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C through the command line's own handler: a normal stop.
            }
        }

        return ExitCodes.Success;
    }
}
