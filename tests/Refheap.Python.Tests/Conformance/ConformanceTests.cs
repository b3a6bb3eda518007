using Refheap.Python.Execution;

namespace Refheap.Python.Tests.Conformance;

/// <summary>
/// Every program of tests/conformance and examples/ runs in-process on a fresh runtime of each
/// profile and prints, byte for byte, what CPython printed; tearing its modules down leaves the
/// heap at the census it started from.
/// </summary>
public sealed class ConformanceTests
{
    public static IEnumerable<object[]> Cases =>
        ConformanceCorpus.Cases().Select(c => new object[] { c.Name, c.Profile });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Program_prints_what_CPython_prints(string name, string profile)
    {
        var @case = ConformanceCorpus.Cases().Single(c => c.Name == name && c.Profile == profile);
        var expected = File.ReadAllText(@case.ExpectedPath);
        var (actual, leftOver) = Run(@case);

        if (ConformanceCorpus.Pending.Contains((name, profile)))
        {
            Assert.False(actual == expected && leftOver.Length == 0,
                $"{@case} passes now: remove it from tests/conformance/refheap-pending.json");
            return;
        }

        Assert.Equal(expected, actual);
        Assert.True(leftOver.Length == 0, "objects left over after teardown: " + leftOver);
    }

    private static (string Output, string LeftOver) Run(ConformanceCase @case)
    {
        using var runtime = new Refheap.Runtime(Profile.FromName(@case.Profile), new RuntimeOptions { DebugAllocator = true, HeapLimit = 1L << 30 });
        runtime.Gc.Collect();
        var start = runtime.TakeCensus();

        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = PythonProgram.Run(runtime, File.ReadAllText(@case.Path), @case.Path, [@case.Path], stdout, stderr);

        runtime.Gc.Collect();
        var leftOver = string.Join(", ", runtime.TakeCensus().Since(start).Select(p => $"{p.Key} {p.Value:+#;-#}"));
        return (ConformanceCorpus.Format(stdout.ToString(), stderr.ToString(), exitCode), leftOver);
    }
}
