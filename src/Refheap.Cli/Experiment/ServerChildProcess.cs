using System.Diagnostics;
using Refheap.Cli.Bench;

namespace Refheap.Cli.Experiment;

/// <summary>
/// <c>refheap serve --model M --profile P --urls http://127.0.0.1:0</c> in a child process of
/// its own (this same build), with workstation GC so that its RSS is one model's alone; the URL
/// it listens on is read from its <c>listening on URL</c> line. Disposing it stops the server.
/// </summary>
public sealed class ServerChildProcess : IDisposable
{
    private const string ListeningPrefix = "listening on ";

    private readonly Process _process;

    private ServerChildProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>Where the server listens.</summary>
    public Uri Url { get; }

    /// <summary>Starts the server and waits (up to <paramref name="timeout"/>) until it listens.</summary>
    /// <exception cref="CommandLineErrorException">It could not start, exited, or said nothing in time.</exception>
    public static async Task<ServerChildProcess> StartAsync(string model, Refheap.Profile profile, CliEnvironment environment, TimeSpan timeout)
    {
        var start = RefheapChildProcess.StartInfo();
        foreach (var a in new[] { "serve", "--model", model, "--profile", profile.Name, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(a);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true; // it must not share our terminal's input
        start.UseShellExecute = false;
        start.Environment.Clear();
        foreach (var (name, value) in environment.With("DOTNET_gcServer", "0").Variables)
        {
            start.Environment[name] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new Queue<string>(); // its last lines, for an error message
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith(ListeningPrefix, StringComparison.Ordinal) == true)
            {
                if (Uri.TryCreate(e.Data[ListeningPrefix.Length..].Trim(), UriKind.Absolute, out var url))
                {
                    listening.TrySetResult(url);
                }
                else
                {
                    listening.TrySetException(new CommandLineErrorException($"refheap serve --model {model} printed an invalid URL: {e.Data}", ExitCodes.Failure));
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                lock (stderr)
                {
                    stderr.Enqueue(e.Data);
                    if (stderr.Count > 20)
                    {
                        stderr.Dequeue();
                    }
                }
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new CommandLineErrorException(
            $"refheap serve --model {model} exited with {process.ExitCode} before listening: {LastLine(stderr)}", ExitCodes.Failure));

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new CommandLineErrorException($"could not start {start.FileName}: {e.Message}", ExitCodes.Failure);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await listening.Task.WaitAsync(timeout).ConfigureAwait(false);
            return new ServerChildProcess(process, url);
        }
        catch (TimeoutException)
        {
            Stop(process);
            throw new CommandLineErrorException($"refheap serve --model {model} did not print '{ListeningPrefix}URL' within {timeout.TotalSeconds:0} s: {LastLine(stderr)}", ExitCodes.Failure);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>Stops the server (it holds nothing to save) and waits for it to go.</summary>
    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        process.Dispose();
    }

    private static string LastLine(Queue<string> lines)
    {
        lock (lines)
        {
            return lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "(nothing on stderr)";
        }
    }
}
