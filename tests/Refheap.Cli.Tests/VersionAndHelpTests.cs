namespace Refheap.Cli.Tests;

public sealed class VersionAndHelpTests
{
    [Fact]
    public void Version_prints_the_assembly_version()
    {
        var result = CliHarness.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(RefheapCommand.Version + "\n", result.Out);
        Assert.StartsWith("0.1.0", result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Help_lists_the_stats_command()
    {
        var result = CliHarness.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("refheap [command] [options]", result.Out);
        Assert.Matches(@"\n\s+stats\s+Build a heap of Tasks", result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Stats_help_shows_every_option_with_both_aliases()
    {
        var result = CliHarness.Run("stats", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-p, --profile <py27|py312>", result.Out);
        Assert.Contains("-j, --json", result.Out);
        Assert.Contains("-n, --objects <N>", result.Out);
    }
}
