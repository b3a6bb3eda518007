using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Refheap.Benchmarks;

/// <summary>
/// "ns/object": a collector phase benchmark's mean divided by the tracked objects of its Task
/// graph (<see cref="CollectorPhaseBenchmarks.Tasks"/> Tasks of 13 tracked objects each on py27,
/// 7 on py312), read from the benchmark's <c>Profile</c> parameter. The few other objects of the
/// heap (the list, the classes, weak references where there are some) are not counted.
/// </summary>
public sealed class PerObjectColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(PerObjectColumn);

    /// <inheritdoc/>
    public string ColumnName => "ns/object";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Mean divided by the Task graph's tracked objects (Tasks × 13 on py27, × 7 on py312)";

    /// <summary>Tracked objects of one Task of TaskGraph: Task, its dict of Subtasks and 5 Subtasks, plus on py27 the 6 instance __dict__s.</summary>
    public static int TrackedPerTask(string profile) => profile == "py27" ? 13 : 7;

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not { } ns || benchmarkCase.Parameters["Profile"] is not string profile)
        {
            return "NA";
        }

        var objects = (double)CollectorPhaseBenchmarks.Tasks * TrackedPerTask(profile);
        return (ns / objects).ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;
}
