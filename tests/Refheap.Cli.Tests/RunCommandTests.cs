using Refheap.Cli.Run;

namespace Refheap.Cli.Tests;

/// <summary><c>refheap run</c>: -c, a file with arguments, the profile option, exit codes, heap sizes.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public void RunsCodeGivenWithDashCInTheDefaultProfile()
    {
        var r = CliHarness.Run("run", "-c", "import sys\nprint sys.version_info[0], 7 / 2\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("2 3\n", r.Out);
    }

    [Fact]
    public void RunsAFileWithItsArgumentsInTheChosenProfile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"refheap-run-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, "import sys\nprint(sys.argv[1:], 7 / 2)\nsys.exit(4)\n");
        try
        {
            var r = CliHarness.Run("run", "--profile", "py312", file, "a", "b");
            Assert.Equal(4, r.ExitCode);
            Assert.Equal("['a', 'b'] 3.5\n", r.Out);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void UncaughtExceptionExitsWithOneAndATraceback()
    {
        var r = CliHarness.Run("run", "--profile", "py312", "-c", "def f():\n    return 1 / 0\nf()\n");
        Assert.Equal(1, r.ExitCode);
        Assert.EndsWith("ZeroDivisionError: division by zero\n", r.Error, StringComparison.Ordinal);
        Assert.Contains("File \"<string>\", line 2, in f", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ObjgraphGrowthPrintsWhatTheProgramAddedToStderr(string profile)
    {
        var r = CliHarness.Run("run", "--objgraph-growth", "--profile", profile, "-c", "class Task(object): pass\nkeep = [Task() for i in range(3)]\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Out);
        var rows = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(rows, row => row is ["Task", "3", "+3"]);
        Assert.DoesNotContain(rows, row => row[0] == "builtin_function_or_method"); // the interpreter's own set-up is not the program's growth
    }

    [Fact]
    public void MissingProgramIsAUsageError()
    {
        var r = CliHarness.Run("run");
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Contains("run needs a program", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4096", 4096L)]
    [InlineData("512K", 512L << 10)]
    [InlineData("64M", 64L << 20)]
    [InlineData("2g", 2L << 30)]
    public void HeapLimitSizesAcceptSuffixes(string text, long bytes) => Assert.Equal(bytes, RunCommand.ParseSize(text));

    [Fact]
    public void HeapLimitRejectsWhatIsNotASize() =>
        Assert.Throws<CommandLineErrorException>(() => RunCommand.ParseSize("lots"));
}
