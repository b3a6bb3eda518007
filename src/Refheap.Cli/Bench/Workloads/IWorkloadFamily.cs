using System.Text.Json;

namespace Refheap.Cli.Bench.Workloads;

/// <summary>
/// Workloads measured together, on each side from one build of their graph: Refheap through
/// the public C# API, CPython from one script of bench/cpython printing one JSON line.
/// </summary>
internal interface IWorkloadFamily
{
    /// <summary>The workloads this family measures.</summary>
    IReadOnlyList<BenchWorkload> Workloads { get; }

    /// <summary>Measures every workload of the family on Refheap.</summary>
    /// <exception cref="WorkloadNotAvailableException">Refheap cannot run it yet.</exception>
    IReadOnlyList<Measurement> MeasureRefheap(Profile profile, BenchSettings settings, CliEnvironment environment);

    /// <summary>
    /// Whether Refheap's Python front end runs <see cref="CPythonScript"/> too (impl
    /// <c>refheap-python</c>): false where the script measures its own process (resident memory).
    /// </summary>
    bool RunsOnPythonFrontEnd { get; }

    /// <summary>The script of bench/cpython that measures the same on CPython, and its arguments.</summary>
    (string Script, IReadOnlyList<string> Arguments) CPythonScript(BenchSettings settings);

    /// <summary>The measurements in the script's JSON line.</summary>
    IReadOnlyList<Measurement> ReadCPython(JsonElement output, BenchSettings settings);
}

/// <summary>A workload Refheap cannot run yet; the message says what it needs.</summary>
internal sealed class WorkloadNotAvailableException(string message) : Exception(message);
