using BenchmarkDotNet.Configs;

namespace Refheap.Benchmarks;

/// <summary>The collector phase benchmarks' config: the default one plus the <see cref="PerObjectColumn"/>.</summary>
public sealed class PhaseBenchmarkConfig : ManualConfig
{
    /// <summary>Adds the per-object column.</summary>
    public PhaseBenchmarkConfig() => AddColumn(new PerObjectColumn());
}
