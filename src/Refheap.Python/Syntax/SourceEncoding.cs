using System.Text;
using System.Text.RegularExpressions;

namespace Refheap.Python.Syntax;

/// <summary>
/// The encoding a file declares in a coding comment on one of its first two lines
/// (<c># -*- coding: latin-1 -*-</c>, PEP 263), which 2.7's byte strings are made of.
/// </summary>
internal static partial class SourceEncoding
{
    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex CodingDeclaration();

    /// <summary>Whether <paramref name="line"/> is a coding declaration.</summary>
    public static bool IsDeclaration(string line) => CodingDeclaration().IsMatch(line);

    /// <summary>The encoding declared on the first two of <paramref name="lines"/>, or null when none is (or it is unknown).</summary>
    public static Encoding? Declared(IEnumerable<string> lines)
    {
        foreach (var line in lines.Take(2))
        {
            var match = CodingDeclaration().Match(line);
            if (match.Success)
            {
                return ByName(match.Groups[1].Value);
            }
        }

        return null;
    }

    /// <summary>CPython's normalization of the common names (tokenizer.c get_normal_name), then .NET's own.</summary>
    private static Encoding? ByName(string name)
    {
        var normal = name.ToLowerInvariant().Replace('_', '-');
        if (normal is "utf-8" or "utf8" || normal.StartsWith("utf-8-", StringComparison.Ordinal))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        if (normal is "latin-1" or "latin1" or "l1" or "iso-8859-1" or "iso8859-1" or "iso-latin-1"
            || normal.StartsWith("latin-1-", StringComparison.Ordinal) || normal.StartsWith("iso-8859-1-", StringComparison.Ordinal))
        {
            return Encoding.Latin1;
        }

        if (normal is "ascii" or "us-ascii")
        {
            return Encoding.ASCII;
        }

        try
        {
            return Encoding.GetEncoding(normal);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
