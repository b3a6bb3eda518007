using System.Text.Json;
using Refheap.Cli.Bench.Workloads;
using Refheap.Python.Execution;

namespace Refheap.Cli.Bench;

/// <summary>
/// Runs the refheap-python side of the workloads: the very scripts of bench/cpython that CPython
/// runs, on Refheap's own Python front end (<see cref="PythonProgram.Run"/>) in this process, on
/// a fresh runtime of the profile; the script's JSON line is read as CPython's is.
/// </summary>
internal sealed class PythonFrontEndRunner(string scriptDirectory)
{
    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> on a new runtime of <paramref name="profile"/> and parses its JSON line.</summary>
    /// <exception cref="BenchMeasurementException">The script is missing, failed or printed no JSON.</exception>
    /// <exception cref="WorkloadNotAvailableException">The script could not time so small a run (its <c>not_available</c> field).</exception>
    public JsonElement RunScript(Profile profile, string script, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(scriptDirectory, script);
        if (!File.Exists(path))
        {
            throw new BenchMeasurementException($"{script} not found in {scriptDirectory} (it ships with refheap from bench/cpython)");
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode;
        using (var runtime = new Runtime(profile))
        {
            exitCode = PythonProgram.Run(runtime, File.ReadAllText(path), path, [path, .. arguments], stdout, stderr);
        }

        if (exitCode != 0)
        {
            var last = stderr.ToString().Trim().Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "no message";
            throw new BenchMeasurementException($"{script} on Refheap's Python front end exited with {exitCode}: {last}");
        }

        try
        {
            using var doc = JsonDocument.Parse(stdout.ToString());
            return CPythonRunner.Measured(doc.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new BenchMeasurementException($"{script} on Refheap's Python front end printed no JSON: {e.Message}");
        }
    }
}
