using System.Text.Json.Serialization;

namespace Refheap.Cli.Bench;

/// <summary>The implementations a result can come from (the <c>impl</c> field).</summary>
public static class BenchImpl
{
    /// <summary>Refheap driven through its public C# API.</summary>
    public const string RefheapCSharp = "refheap-csharp";

    /// <summary>Refheap running the scripts of bench/cpython on its own Python front end, in process.</summary>
    public const string RefheapPython = "refheap-python";

    /// <summary>The CPython a profile pairs with: <c>cpython-2.7</c> or <c>cpython-3.12</c>.</summary>
    public static string CPython(Profile profile) => "cpython-" + string.Join('.', profile.PythonVersion.Split('.').Take(2));
}

/// <summary>Whether a result carries a number (the <c>status</c> field).</summary>
public static class BenchStatus
{
    /// <summary>Measured: <c>value</c> holds the number.</summary>
    public const string Ok = "ok";

    /// <summary>Could not be measured here (no CPython, no weak references yet): <c>error</c> says why; no value.</summary>
    public const string NotAvailable = "not-available";

    /// <summary>This side does not measure this metric (<c>error</c> says why); no value.</summary>
    public const string NotMeasured = "not-measured";

    /// <summary>The measurement failed (<c>error</c> has the message); no value.</summary>
    public const string Error = "error";
}

/// <summary>
/// One number of <c>refheap bench</c> (one element of the JSON <c>results</c> array, documented
/// in docs/BENCHMARKS.md). <see cref="Value"/> is there exactly when <see cref="Status"/> is
/// <c>ok</c>; otherwise <see cref="Error"/> says why there is none.
/// </summary>
public sealed record BenchResult
{
    /// <summary>The workload (<c>full_live</c>, …).</summary>
    public required string Workload { get; init; }

    /// <summary>Who ran it: <c>refheap-csharp</c>, <c>refheap-python</c>, <c>cpython-2.7</c> or <c>cpython-3.12</c>.</summary>
    public required string Impl { get; init; }

    /// <summary>The profile (<c>py27</c>, <c>py312</c>); for CPython, the profile it pairs with.</summary>
    public required string Profile { get; init; }

    /// <summary>What was measured (<c>ns_per_object</c>, …).</summary>
    public required string Metric { get; init; }

    /// <summary>The number, when <see cref="Status"/> is ok.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Value { get; init; }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public required string Unit { get; init; }

    /// <summary><c>lower</c> or <c>higher</c>: which way is better; absent for plain counts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Better { get; init; }

    /// <summary>Tasks in the graph the number was measured on (for churn: the timed steps).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Tasks { get; init; }

    /// <summary>Objects a per-object figure is divided by, or the tracked objects of the heap collected.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Objects { get; init; }

    /// <summary><c>ok</c>, <c>not-available</c>, <c>not-measured</c> or <c>error</c>.</summary>
    public string Status { get; init; } = BenchStatus.Ok;

    /// <summary>Why there is no value.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>The version of what ran: refheap's, or the CPython version the script reported.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; }

    /// <summary>How the number was taken, where a side measures differently (e.g. how CPython 2.7 times its pauses).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Method { get; init; }
}

/// <summary>
/// A Refheap figure beside its CPython figure (one element of the JSON <c>comparisons</c>
/// array): present when both sides measured the same metric on the same number of tasks.
/// </summary>
/// <param name="Impl">The Refheap side: <c>refheap-csharp</c> (C# API) or <c>refheap-python</c> (the same script as CPython's, on Refheap's Python front end).</param>
/// <param name="Ratio">How many times better Refheap is: CPython ÷ Refheap when lower is better, Refheap ÷ CPython when higher is; absent for plain counts.</param>
public sealed record BenchComparison(
    string Workload,
    string Profile,
    string Impl,
    string Metric,
    string Unit,
    long? Tasks,
    double Refheap,
    [property: JsonPropertyName("cpython")] double CPython,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Ratio);

/// <summary>A number one side produced, before it is labelled with the side and profile.</summary>
/// <param name="Workload">The workload it belongs to.</param>
/// <param name="Metric">The metric's name (see <see cref="BenchWorkload.Metrics"/>).</param>
/// <param name="Value">The number.</param>
/// <param name="Tasks">The graph size it was measured on.</param>
/// <param name="Objects">The objects it is per, or the heap's tracked objects.</param>
/// <param name="Method">How it was taken, where that differs between sides.</param>
public sealed record Measurement(string Workload, string Metric, double Value, long? Tasks = null, long? Objects = null, string? Method = null);
