using System.Diagnostics;

namespace Refheap.Cli.Bench;

/// <summary>
/// Runs another <c>refheap</c> (this same build) as a child process, so that a measurement of
/// resident memory belongs to one workload and one profile, as each CPython script runs in a
/// fresh process of its own.
/// </summary>
internal static class RefheapChildProcess
{
    /// <summary>Runs <c>refheap <paramref name="arguments"/></c> and returns its stdout.</summary>
    /// <exception cref="BenchMeasurementException">It could not start, or failed.</exception>
    public static string Run(IReadOnlyList<string> arguments, CliEnvironment environment)
    {
        var start = StartInfo();
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment.Clear();
        foreach (var (name, value) in environment.Variables)
        {
            start.Environment[name] = value;
        }

        try
        {
            using var child = Process.Start(start) ?? throw new BenchMeasurementException($"could not start {start.FileName}");
            var stderr = child.StandardError.ReadToEndAsync();
            var stdout = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                var last = stderr.Result.Trim().Split('\n').LastOrDefault()?.Trim();
                throw new BenchMeasurementException($"the measuring refheap exited with {child.ExitCode}: {last}");
            }

            return stdout;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BenchMeasurementException($"could not start {start.FileName}: {e.Message}");
        }
    }

    // The apphost when we run as one (an installed tool, bin/refheap); otherwise the dotnet host
    // running us (or the one the SDK names in DOTNET_HOST_PATH) with refheap.dll.
    internal static ProcessStartInfo StartInfo()
    {
        var processPath = Environment.ProcessPath;
        var hostName = processPath == null ? null : Path.GetFileNameWithoutExtension(processPath);
        if (processPath != null && hostName == RefheapCommand.Name)
        {
            return new ProcessStartInfo(processPath);
        }

        var host = hostName == "dotnet" ? processPath! : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var assembly = typeof(RefheapCommand).Assembly.Location;
        if (string.IsNullOrEmpty(assembly))
        {
            assembly = Path.Combine(AppContext.BaseDirectory, RefheapCommand.Name + ".dll");
        }

        var start = new ProcessStartInfo(host);
        start.ArgumentList.Add(assembly);
        return start;
    }
}

/// <summary>A measurement that failed; the message says why (reported as a result with status <c>error</c>).</summary>
internal sealed class BenchMeasurementException(string message) : Exception(message);
