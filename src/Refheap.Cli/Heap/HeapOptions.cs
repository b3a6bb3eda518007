using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Refheap.Diagnostics.Heapy;

namespace Refheap.Cli.Heap;

/// <summary>The options and arguments of <c>refheap heap</c>, one factory each.</summary>
public static class HeapOptions
{
    /// <summary><c>SNAPSHOT [SNAPSHOT2]</c>: one snapshot file, or two to compare.</summary>
    public static Argument<FileInfo[]> SnapshotsArgument() => new("SNAPSHOT")
    {
        Description = "A heap snapshot file (docs/diagnostics.md); with a second one, what the second holds that the first did not",
        Arity = new ArgumentArity(1, 2),
    };

    /// <summary><c>-b, --by type|clodo|rcs|size</c> (default clodo, heapy's); the value is the name as typed.</summary>
    public static Option<string> ByOption()
    {
        var option = new Option<string>("--by", "-b")
        {
            Description = "How to group the objects: clodo (class, or dict of its owner's class: heapy's default), type, rcs (kinds of the referrers) or size",
            HelpName = "type|clodo|rcs|size",
            DefaultValueFactory = _ => "clodo",
            CustomParser = ParseBy,
        };
        option.CompletionSources.Add("type", "clodo", "rcs", "size");
        return option;
    }

    /// <summary>The partition a <c>--by</c> value names.</summary>
    public static PartitionKind PartitionOf(string by) => by switch
    {
        "type" => PartitionKind.Type,
        "rcs" => PartitionKind.Rcs,
        "size" => PartitionKind.Size,
        _ => PartitionKind.Clodo,
    };

    /// <summary><c>-d, --dominators N</c>: also list the N objects retaining the most memory.</summary>
    public static Option<int> DominatorsOption() => new("--dominators", "-d")
    {
        Description = "Also list the N objects that retain the most memory (dominator tree from the roots)",
        HelpName = "N",
        CustomParser = result => ParseCount(result, "--dominators"),
    };

    /// <summary><c>--path ADDRESS</c>: a shortest path from a root to the object at ADDRESS (hex with 0x, or decimal).</summary>
    public static Option<long?> PathOption() => new("--path")
    {
        Description = "Also show a shortest chain of references from a root to the object at ADDRESS (its id: 0x hex or decimal)",
        HelpName = "ADDRESS",
        CustomParser = ParseAddress,
    };

    private static long? ParseAddress(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n)
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out n);
        if (ok)
        {
            return n;
        }

        result.AddError($"invalid value '{text}' for --path (expected an address: 0x hex or decimal)");
        return null;
    }

    /// <summary><c>-r, --rows N</c>: rows of the table before it stops (default 10, heapy's).</summary>
    public static Option<int> RowsOption() => new("--rows", "-r")
    {
        Description = "Rows of the table to show (default 10, as heapy)",
        HelpName = "N",
        DefaultValueFactory = _ => 10,
        CustomParser = result => ParseCount(result, "--rows"),
    };

    private static string ParseBy(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (text is "clodo" or "type" or "rcs" or "size")
        {
            return text;
        }

        result.AddError($"invalid value '{text}' for --by (expected type, clodo, rcs or size)");
        return "clodo";
    }

    private static int ParseCount(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            return n;
        }

        result.AddError($"invalid value '{text}' for {option} (expected a whole number of 1 or more)");
        return 1;
    }
}
