using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Refheap.Cli.Options;

/// <summary>
/// One small factory per option, each with a short and a long alias and a real description.
/// Commands compose them; a bad value becomes one parse error that names it.
/// </summary>
public static class OptionFactory
{
    /// <summary>Upper bound of <c>--objects</c>: keeps a run to seconds (100,000 Tasks: about 1.3 million objects).</summary>
    public const int MaxObjects = 100_000;

    /// <summary>Upper bound of <c>--tasks</c>: 5 million Tasks are 35 to 65 million objects, several GB on each side.</summary>
    public const int MaxTasks = 5_000_000;

    /// <summary><c>-p, --profile py27|py312</c> (default py27, the talk's Python).</summary>
    public static Option<Profile> ProfileOption()
    {
        var option = new Option<Profile>("--profile", "-p")
        {
            Description = "Whose memory manager to reproduce: py27 (CPython 2.7.18, the talk's) or py312 (CPython 3.12.1)",
            HelpName = "py27|py312",
            DefaultValueFactory = _ => Profile.Py27,
            CustomParser = ParseProfile,
        };
        option.CompletionSources.Add("py27", "py312");
        return option;
    }

    /// <summary><c>-j, --json</c>: one JSON document on stdout instead of tables.</summary>
    public static Option<bool> JsonOption() => new("--json", "-j")
    {
        Description = "Write one JSON document to stdout instead of tables (its fields are described in docs/cli.md)",
    };

    /// <summary><c>-n, --objects N</c>: how many Task objects the demo heap holds.</summary>
    public static Option<int> ObjectsOption(int defaultValue) => new("--objects", "-n")
    {
        Description = $"Tasks in the demo heap, each with 5 Subtasks; half are dropped before the collection (0 to {MaxObjects:N0})",
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = ParseObjectCount,
    };

    /// <summary><c>-p, --profile py27|py312|both</c> for commands that can run both profiles (default both).</summary>
    public static Option<IReadOnlyList<Profile>> ProfilesOption()
    {
        var option = new Option<IReadOnlyList<Profile>>("--profile", "-p")
        {
            Description = "Whose memory manager to measure: py27 (CPython 2.7.18), py312 (CPython 3.12.1) or both",
            HelpName = "py27|py312|both",
            DefaultValueFactory = _ => [Profile.Py27, Profile.Py312],
            CustomParser = ParseProfiles,
        };
        option.CompletionSources.Add("py27", "py312", "both");
        return option;
    }

    /// <summary><c>-t, --tasks N</c>: the size of the Task graph a benchmark builds.</summary>
    public static Option<int> TasksOption(int defaultValue) => new("--tasks", "-t")
    {
        Description = $"Tasks in each workload's graph (churn: timed steps; pause_vs_heap: the largest graph), 1 to {MaxTasks:N0}",
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseWholeNumber(result, "--tasks", 1, MaxTasks),
    };

    /// <summary><c>-s, --seed S</c>: the seed of any randomness, recorded with the results.</summary>
    public static Option<int> SeedOption() => new("--seed", "-s")
    {
        Description = "Seed for any randomness, passed to both sides and recorded with the results",
        HelpName = "S",
        DefaultValueFactory = _ => 1,
        CustomParser = result => ParseWholeNumber(result, "--seed", int.MinValue, int.MaxValue),
    };

    /// <summary><c>-c, --cpython</c>: run the paired CPython too.</summary>
    public static Option<bool> CPythonOption() => new("--cpython", "-c")
    {
        Description = "Also run each workload on the paired CPython (py27: PYENV_VERSION=2.7.18 python, py312: 3.12.1) and show the ratio",
    };

    /// <summary>
    /// <c>--in-process</c> (hidden): measure memory_per_task in this process. refheap passes it to
    /// the child process it starts for that workload, so that RSS belongs to one workload.
    /// </summary>
    public static Option<bool> InProcessOption() => new("--in-process")
    {
        Description = "Measure memory_per_task in this process instead of a child process",
        Hidden = true,
    };

    private static IReadOnlyList<Profile> ParseProfiles(ArgumentResult result)
    {
        var text = SingleToken(result);
        switch (text)
        {
            case "both":
                return [Profile.Py27, Profile.Py312];
            case "py27" or "py312":
                return [Profile.FromName(text)];
            default:
                result.AddError($"invalid value '{text}' for --profile (expected py27, py312 or both)");
                return [];
        }
    }

    private static int ParseWholeNumber(ArgumentResult result, string option, int min, int max)
    {
        var text = SingleToken(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        result.AddError(min == int.MinValue
            ? $"invalid value '{text}' for {option} (expected a whole number)"
            : $"invalid value '{text}' for {option} (expected a whole number from {min} to {max})");
        return min;
    }

    private static Profile ParseProfile(ArgumentResult result)
    {
        var text = SingleToken(result);
        if (text is "py27" or "py312")
        {
            return Profile.FromName(text);
        }

        result.AddError($"invalid value '{text}' for --profile (expected py27 or py312)");
        return Profile.Py27;
    }

    private static int ParseObjectCount(ArgumentResult result)
    {
        var text = SingleToken(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= MaxObjects)
        {
            return n;
        }

        result.AddError($"invalid value '{text}' for --objects (expected a whole number from 0 to {MaxObjects})");
        return 0;
    }

    // Arity is one value for both options, so the parser has exactly one token here.
    private static string SingleToken(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
