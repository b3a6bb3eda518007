using System.CommandLine;
using System.Globalization;
using Refheap.Cli.Options;
using Refheap.Diagnostics.ObjGraph;
using Refheap.Python;
using Refheap.Python.Execution;

namespace Refheap.Cli.Run;

/// <summary>
/// <c>refheap run [--profile py27|py312] [--heap-limit SIZE] FILE.py [args]</c>, <c>refheap run -c CODE</c>
/// and <c>refheap run -</c> (the program on stdin): runs a Python program on a Refheap
/// runtime. The exit code is the program's (0, 1 for an uncaught exception or a syntax
/// error, or <c>sys.exit</c>'s code).
/// </summary>
public static class RunCommand
{
    /// <summary>The <c>run</c> command, writing through <paramref name="console"/>.</summary>
    public static Command Build(CliConsole console)
    {
        var profile = OptionFactory.ProfileOption();
        var heapLimit = new Option<string?>("--heap-limit")
        {
            Description = "Largest heap the program may use (bytes, or with a K, M or G suffix); beyond it allocations raise MemoryError",
            HelpName = "SIZE",
        };
        var code = new Option<string?>("-c")
        {
            Description = "Run CODE instead of a file (the remaining arguments become sys.argv[1:])",
            HelpName = "CODE",
        };
        var objgraphGrowth = new Option<bool>("--objgraph-growth")
        {
            Description = "When the program ends (before its modules are torn down), print objgraph.show_growth's table of the types that grew since it started, to stderr",
        };
        var program = new Argument<string[]>("program")
        {
            Description = "FILE.py (or - for stdin) and the program's arguments",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("run", "Run a Python 2.7 or 3.12 program on the Refheap runtime, printing what CPython prints")
        {
            profile,
            heapLimit,
            code,
            objgraphGrowth,
            program,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parsed =>
        {
            var rest = (parsed.GetValue(program) ?? []).Concat(parsed.UnmatchedTokens).ToList();
            return Execute(console, parsed.GetRequiredValue(profile), ParseSize(parsed.GetValue(heapLimit)), parsed.GetValue(code), rest, parsed.GetValue(objgraphGrowth));
        });
        return command;
    }

    /// <summary>Runs the program and returns its exit code; with <paramref name="objgraphGrowth"/>, prints the growth by type at its end to stderr.</summary>
    public static int Execute(CliConsole console, Profile profile, long? heapLimit, string? code, IReadOnlyList<string> rest, bool objgraphGrowth = false)
    {
        string source;
        string fileName;
        List<string> argv;
        if (code != null)
        {
            source = code;
            fileName = "<string>";
            argv = ["-c", .. rest];
        }
        else if (rest.Count == 0)
        {
            throw new CommandLineErrorException("run needs a program: FILE.py, - (stdin) or -c CODE");
        }
        else if (rest[0] == "-")
        {
            source = Console.In.ReadToEnd();
            fileName = "<stdin>";
            argv = ["-", .. rest.Skip(1)];
        }
        else
        {
            if (!File.Exists(rest[0]))
            {
                throw new CommandLineErrorException($"can't open file '{rest[0]}': No such file or directory", ExitCodes.UsageError);
            }

            source = PythonSource.Decode(File.ReadAllBytes(rest[0]));
            fileName = rest[0];
            argv = [.. rest];
        }

        var options = new RuntimeOptions();
        if (heapLimit != null)
        {
            options = new RuntimeOptions { HeapLimit = heapLimit.Value };
        }

        using var runtime = new Refheap.Runtime(profile, options);
        if (!objgraphGrowth)
        {
            return PythonProgram.Run(runtime, source, fileName, argv, console.Out, console.Error);
        }

        // The peak counts start at the interpreter ready to run the program's first line (its
        // builtins and sys made): growth is what the program added.
        var graph = new ObjectGraph(runtime, console.Error);
        return PythonProgram.Run(runtime, source, fileName, argv, console.Out, console.Error, () => graph.Growth(limit: null), () => graph.ShowGrowth());
    }

    /// <summary>Parses 1048576, 512K, 64M, 2G.</summary>
    /// <exception cref="CommandLineErrorException">Not a size.</exception>
    public static long? ParseSize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToUpperInvariant();
        long multiplier = 1;
        if (t.EndsWith('B'))
        {
            t = t[..^1];
        }

        switch (t.Length > 0 ? t[^1] : ' ')
        {
            case 'K':
                multiplier = 1L << 10;
                break;
            case 'M':
                multiplier = 1L << 20;
                break;
            case 'G':
                multiplier = 1L << 30;
                break;
        }

        if (multiplier != 1)
        {
            t = t[..^1];
        }

        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            throw new CommandLineErrorException($"--heap-limit: '{text}' is not a size (e.g. 512M, 2G)");
        }

        return checked(n * multiplier);
    }
}
