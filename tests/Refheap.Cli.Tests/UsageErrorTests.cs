namespace Refheap.Cli.Tests;

/// <summary>A wrong command line: one line on stderr that names the bad value, exit code 2, nothing on stdout.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("refheap: invalid value 'py3' for --profile (expected py27 or py312)", "stats", "--profile", "py3")]
    [InlineData("refheap: invalid value 'PY27' for --profile (expected py27 or py312)", "stats", "-p", "PY27")]
    [InlineData("refheap: invalid value '-1' for --objects (expected a whole number from 0 to 100000)", "stats", "--objects", "-1")]
    [InlineData("refheap: invalid value 'many' for --objects (expected a whole number from 0 to 100000)", "stats", "-n", "many")]
    [InlineData("refheap: invalid value '100001' for --objects (expected a whole number from 0 to 100000)", "stats", "--objects", "100001")]
    [InlineData("refheap: invalid value '99999999999' for --objects (expected a whole number from 0 to 100000)", "stats", "--objects", "99999999999")]
    public void Bad_option_value_is_one_line_naming_it(string expected, params string[] args)
    {
        var result = CliHarness.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected + "\n", result.Error);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("stats", "--frobnicate")]
    [InlineData("stats", "--objects")]
    [InlineData("stats", "extra")]
    [InlineData()]
    public void Other_usage_errors_exit_with_2_and_no_stack_trace(params string[] args)
    {
        var result = CliHarness.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("refheap: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.Empty(result.Out);
    }
}
