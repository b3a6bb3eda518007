using Refheap.Cli;

namespace Refheap.Cli.Tests;

/// <summary>What one in-process run of <c>refheap</c> printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.ReplaceLineEndings("\n").Split('\n');
}

/// <summary>Runs the CLI in-process through its console seam: build → parse → invoke, as Main does.</summary>
internal static class CliHarness
{
    public const int Width = 100;

    public static CliResult Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs with <paramref name="environment"/> as the environment child processes see (null: the test process's).</summary>
    public static CliResult RunWith(CliEnvironment? environment, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = CliConsole.FromWriters(output, error, Width);
        if (environment != null)
        {
            console = console with { Environment = environment };
        }

        var exitCode = RefheapCommand.Run(args, console);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The repository root (the folder holding Refheap.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Refheap.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Refheap.slnx not found above " + AppContext.BaseDirectory);
    }
}
