using System.Diagnostics;

namespace Refheap.Cli.Tests;

/// <summary>The real executable (Main, the system console): exit codes and streams as a shell sees them.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Bad_profile_from_the_shell_is_one_line_on_stderr_and_exit_code_2()
    {
        var (exitCode, stdout, stderr) = RunRefheap("stats", "--profile", "py3");

        Assert.Equal(2, exitCode);
        Assert.Equal("refheap: invalid value 'py3' for --profile (expected py27 or py312)\n", stderr.ReplaceLineEndings("\n"));
        Assert.Empty(stdout);
    }

    [Fact]
    public void Json_from_the_shell_is_one_document_on_stdout()
    {
        var (exitCode, stdout, stderr) = RunRefheap("stats", "--json", "--objects", "50", "--profile", "py312");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal("py312", doc.RootElement.GetProperty("profile").GetString());
    }

    private static (int ExitCode, string Stdout, string Stderr) RunRefheap(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "refheap.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "refheap did not exit within a minute");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
