using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using Refheap.Cli.Bench;
using Refheap.Cli.Experiment;
using Refheap.Cli.Load;
using Refheap.Cli.Run;
using Refheap.Cli.Stats;

namespace Refheap.Cli;

/// <summary>
/// The <c>refheap</c> command tree and the one place that turns outcomes into exit codes:
/// parse errors and <see cref="CommandLineErrorException"/>s become one line on stderr.
/// </summary>
public static class RefheapCommand
{
    /// <summary>The prefix of every error line.</summary>
    public const string Name = "refheap";

    /// <summary>The tool's version: the assembly's informational version (e.g. <c>0.1.0+commit</c>).</summary>
    public static string Version { get; } =
        typeof(RefheapCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RefheapCommand).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>Builds the command tree; every command writes through <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "Refheap: CPython's memory manager (reference counting, the generational cycle collector, pymalloc) rebuilt in C#.")
        {
            StatsCommand.Build(console),
            BenchCommand.Build(console),
            Serve.ServeCommand.Build(console),
            LoadCommand.Build(console),
            ExperimentCommand.Build(console),
            Heap.HeapCommand.Build(console),
            RunCommand.Build(console),
        };
        root.HelpName = Name; // not the host's name when run under dotnet test


        // The default --version prints the entry assembly's version, which under a test host is
        // the host's; print ours.
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction();
        return root;
    }

    /// <summary>Runs a parsed command line and returns the process exit code.</summary>
    public static int Invoke(ParseResult parsed, CliConsole console)
    {
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                console.Error.WriteLine($"{Name}: {error.Message}");
            }

            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false, // a bug should crash with its stack trace; expected errors are caught below
        };

        try
        {
            return parsed.Invoke(configuration);
        }
        catch (CommandLineErrorException e)
        {
            console.Error.WriteLine($"{Name}: {e.Message}");
            return e.ExitCode;
        }
    }

    /// <summary>Build → parse → invoke, for tests and embedding.</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console) => Invoke(Build(console).Parse(args), console);

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
