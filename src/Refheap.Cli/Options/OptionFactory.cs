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
