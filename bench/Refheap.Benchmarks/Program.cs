using BenchmarkDotNet.Running;

namespace Refheap.Benchmarks;

/// <summary>
/// Benchmarks (see docs/BENCHMARKS.md):
/// <c>dotnet run -c Release --project bench/Refheap.Benchmarks -- --filter '*'</c> runs the
/// BenchmarkDotNet suite (allocation, allocator, object fast paths, collector); <c>... -- gc-graph
/// [--tasks N] [--cpython]</c> runs the collector workloads on the Task/Subtask graph beside
/// CPython (the fuller set is <c>refheap bench</c>).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "gc-graph")
        {
            return CollectorWorkloads.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
