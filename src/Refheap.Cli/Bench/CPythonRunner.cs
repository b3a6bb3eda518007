using System.Diagnostics;
using System.Text.Json;

namespace Refheap.Cli.Bench;

/// <summary>
/// Runs the CPython side of the workloads: the scripts of bench/cpython (shipped beside
/// refheap in <c>cpython/</c>) on <c>python</c> from the environment's PATH with
/// <c>PYENV_VERSION</c> set to the paired version, as <c>PYENV_VERSION=2.7.18 python</c>.
/// </summary>
internal sealed class CPythonRunner(CliEnvironment environment, string scriptDirectory)
{
    /// <summary>Where the scripts are shipped: <c>cpython/</c> beside the refheap assembly.</summary>
    public static string DefaultScriptDirectory => Path.Combine(AppContext.BaseDirectory, "cpython");

    private readonly Dictionary<string, string?> _unavailable = [];

    /// <summary>
    /// Why CPython <paramref name="version"/> cannot run here (python not on PATH, the pyenv
    /// version not installed, another version answering), or null when it can. Asked once per version.
    /// </summary>
    public string? WhyNotAvailable(string version)
    {
        if (!_unavailable.TryGetValue(version, out var why))
        {
            why = Probe(version);
            _unavailable[version] = why;
        }

        return why;
    }

    /// <summary>Runs <paramref name="script"/> on CPython <paramref name="version"/> and parses the JSON line it prints.</summary>
    /// <exception cref="BenchMeasurementException">The script is missing or failed.</exception>
    /// <exception cref="Workloads.WorkloadNotAvailableException">The script could not time so small a run (its <c>not_available</c> field).</exception>
    public JsonElement RunScript(string version, string script, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(scriptDirectory, script);
        if (!File.Exists(path))
        {
            throw new BenchMeasurementException($"{script} not found in {scriptDirectory} (it ships with refheap from bench/cpython)");
        }

        var (exitCode, stdout, stderr) = RunPython(version, [path, .. arguments]);
        if (exitCode != 0)
        {
            throw new BenchMeasurementException($"{script} on CPython {version} exited with {exitCode}: {LastLine(stderr)}");
        }

        try
        {
            using var doc = JsonDocument.Parse(stdout);
            return Measured(doc.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new BenchMeasurementException($"{script} on CPython {version} printed no JSON: {e.Message}");
        }
    }

    /// <summary>
    /// A script's JSON line, unless it says the script could not measure (a <c>not_available</c>
    /// field: its clock did not advance over so small a run), which throws.
    /// </summary>
    /// <exception cref="Workloads.WorkloadNotAvailableException">The line has a <c>not_available</c> field.</exception>
    public static JsonElement Measured(JsonElement output) =>
        output.ValueKind == JsonValueKind.Object && output.TryGetProperty("not_available", out var why)
            ? throw new Workloads.WorkloadNotAvailableException(why.GetString() ?? "not measured")
            : output;

    private string? Probe(string version)
    {
        if (environment.FindOnPath("python") == null)
        {
            return "python not found on PATH";
        }

        var (exitCode, stdout, stderr) = RunPython(version, ["-c", "import sys; sys.stdout.write('%d.%d.%d' % sys.version_info[:3])"]);
        if (exitCode != 0)
        {
            return $"CPython {version} did not start: {LastLine(stderr)}";
        }

        var answered = stdout.Trim();
        return answered == version ? null : $"python on PATH is {answered}, not {version} (PYENV_VERSION={version} had no effect)";
    }

    private (int ExitCode, string Stdout, string Stderr) RunPython(string version, IReadOnlyList<string> arguments)
    {
        var python = environment.FindOnPath("python") ?? "python";
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment.Variables)
        {
            start.Environment[name] = value;
        }

        start.Environment["PYENV_VERSION"] = version;
        try
        {
            using var process = Process.Start(start) ?? throw new BenchMeasurementException($"could not start {python}");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", $"could not start {python}: {e.Message}");
        }
    }

    private static string LastLine(string text) =>
        text.Trim().Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "no message";
}
