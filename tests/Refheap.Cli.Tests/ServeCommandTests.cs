using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Refheap.Cli.Serve;
using Refheap.Server;

namespace Refheap.Cli.Tests;

/// <summary><c>refheap serve</c>: its options, its <c>listening on</c> line, and how it stops.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("--model", "cyclic", "refheap: invalid value 'cyclic' for --model (expected strong, weak or managed)")]
    [InlineData("--max-body-bytes", "0", "refheap: invalid value '0' for --max-body-bytes (expected a whole number from 1 to 2147483647)")]
    [InlineData("--profile", "py3", "refheap: invalid value 'py3' for --profile (expected py27 or py312)")]
    public void Bad_option_value_is_a_usage_error(string option, string value, string error)
    {
        var result = CliHarness.Run("serve", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(error + "\n", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Taken_address_is_one_error_line_and_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var result = CliHarness.Run("serve", "--urls", url);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith($"refheap: cannot listen on {url}: ", result.Error);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("strong")]
    [InlineData("weak")]
    [InlineData("managed")]
    public async Task Serve_announces_the_real_port_answers_and_stops_when_cancelled(string model)
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = CliConsole.FromWriters(TextWriter.Synchronized(output), TextWriter.Null);
        using var stop = new CancellationTokenSource();
        var options = new ServerOptions { Model = ServerOptions.ParseModel(model)!.Value, Urls = "http://127.0.0.1:0" };

        var run = ServeCommand.RunAsync(options, console, stop.Token);
        var url = await ListeningUrlAsync(() => output.ToString(), run);
        using var client = new HttpClient();
        var stats = await client.GetStringAsync(url + "/stats");
        stop.Cancel();

        Assert.Equal(ExitCodes.Success, await run);
        Assert.Matches(@"^http://127\.0\.0\.1:[1-9][0-9]*$", url);
        Assert.Contains($"\"model\":\"{model}\"", stats);
        Assert.Equal($"listening on {url}\n", output.ToString());
    }

    [Fact]
    public async Task Serve_process_exits_0_on_sigterm()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "refheap.dll"), "serve", "--model", "weak", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync();
            Assert.NotNull(line);
            Assert.StartsWith("listening on http://127.0.0.1:", line);
            using var client = new HttpClient();
            Assert.Equal(HttpStatusCode.Created, (await client.PutAsync(line["listening on ".Length..] + "/tasks/t1/", null)).StatusCode);

            Assert.Equal(0, Kill(process.Id, Sigterm));
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "refheap serve did not stop within a minute of SIGTERM");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        Assert.Equal(ExitCodes.Success, process.ExitCode);
        Assert.Empty(await stderr);
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static async Task<string> ListeningUrlAsync(Func<string> output, Task<int> run)
    {
        const string prefix = "listening on ";
        for (var i = 0; i < 600; i++)
        {
            var text = output();
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith('\n'))
            {
                return text[prefix.Length..].TrimEnd('\n');
            }

            Assert.False(run.IsCompleted, "serve stopped before it listened: exit code " + (run.IsCompleted ? run.Result : 0));
            await Task.Delay(100);
        }

        throw new TimeoutException("serve did not print 'listening on' within a minute");
    }
}
