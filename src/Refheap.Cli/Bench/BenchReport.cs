using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Refheap.Cli.Bench;

/// <summary>
/// Everything <c>refheap bench</c> measured. The JSON renderer serializes it as is (camelCase);
/// docs/BENCHMARKS.md documents every field.
/// </summary>
public sealed record BenchReport(
    string Command,
    string Version,
    string Build,
    DateTimeOffset Date,
    MachineInfo Machine,
    int Tasks,
    int Seed,
    IReadOnlyList<string> Profiles,
    IReadOnlyList<string> Workloads,
    [property: JsonPropertyName("cpython")] bool CPython,
    IReadOnlyList<BenchResult> Results)
{
    /// <summary>Each Refheap figure (C# API or Python front end) beside the CPython figure of the same workload, profile, metric and size.</summary>
    public IReadOnlyList<BenchComparison> Comparisons =>
        Rows.Where(r => r.Refheap?.Value != null && r.CPython?.Value != null)
            .Select(r => new BenchComparison(r.Workload, r.Profile, r.Impl, r.Metric, r.Unit, r.Tasks, r.Refheap!.Value!.Value, r.CPython!.Value!.Value, r.Ratio))
            .ToList();

    /// <summary>One row per workload, profile, metric and size, with both sides' results (for the table).</summary>
    [JsonIgnore]
    public IReadOnlyList<BenchRow> Rows
    {
        get
        {
            var rows = new List<BenchRow>();
            foreach (var group in Results.GroupBy(r => (r.Workload, r.Profile, r.Metric, r.Tasks)))
            {
                var cpython = group.FirstOrDefault(r => r.Impl.StartsWith("cpython-", StringComparison.Ordinal));
                var first = group.First();
                var python = group.FirstOrDefault(r => r.Impl == BenchImpl.RefheapPython);
                var csharp = group.FirstOrDefault(r => r.Impl == BenchImpl.RefheapCSharp);
                if (csharp != null || python == null)
                {
                    rows.Add(new BenchRow(first.Workload, first.Profile, first.Metric, first.Unit, first.Tasks, BenchImpl.RefheapCSharp, csharp, cpython, Ratio(csharp, cpython)));
                }

                if (python != null)
                {
                    rows.Add(new BenchRow(first.Workload, first.Profile, first.Metric, first.Unit, first.Tasks, BenchImpl.RefheapPython, python, cpython, Ratio(python, cpython)));
                }
            }

            return rows;
        }
    }

    /// <summary>Whether some measurement failed (status <c>error</c>): refheap then exits with 1.</summary>
    [JsonIgnore]
    public bool AnyError => Results.Any(r => r.Status == BenchStatus.Error);

    /// <summary>The configuration Refheap.Runtime was compiled in: <c>Release</c>, or <c>Debug</c> (its timings mean little).</summary>
    public static string RuntimeBuild =>
        typeof(Runtime).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true ? "Debug" : "Release";

    // How many times better Refheap is; null for plain counts or when a side has no number.
    private static double? Ratio(BenchResult? refheap, BenchResult? cpython)
    {
        if (refheap?.Value is not { } r || cpython?.Value is not { } c || r <= 0 || c <= 0)
        {
            return null;
        }

        return refheap.Better switch
        {
            "lower" => c / r,
            "higher" => r / c,
            _ => null,
        };
    }
}

/// <summary>
/// A table row: a Refheap result beside its CPython result, either possibly missing.
/// <paramref name="Impl"/> says which Refheap side it is (<c>refheap-csharp</c> or <c>refheap-python</c>).
/// </summary>
public sealed record BenchRow(string Workload, string Profile, string Metric, string Unit, long? Tasks, string Impl, BenchResult? Refheap, BenchResult? CPython, double? Ratio);

/// <summary>Where the numbers were taken.</summary>
/// <param name="Cores">Logical processors (<c>nproc</c>).</param>
/// <param name="Cpu">The CPU's model name (/proc/cpuinfo).</param>
/// <param name="Os">The operating system.</param>
/// <param name="Dotnet">The .NET runtime.</param>
public sealed record MachineInfo(int Cores, string Cpu, string Os, string Dotnet)
{
    /// <summary>This machine, now.</summary>
    public static MachineInfo Current() =>
        new(Environment.ProcessorCount, CpuModel(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
