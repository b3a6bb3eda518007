using BenchmarkDotNet.Running;

namespace Refheap.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suite: <c>dotnet run -c Release --project bench/Refheap.Benchmarks -- --filter '*'</c>.
/// The CPython side of each comparison is in bench/cpython (see docs/BENCHMARKS.md).
/// </summary>
public static class Program
{
    /// <summary>Entry point: BenchmarkDotNet's switcher over this assembly.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
