using System.Globalization;

namespace Refheap.Objects.Native.Float;

/// <summary>
/// Text to float as <c>float(text)</c> reads it (PyOS_string_to_double): surrounding
/// whitespace, a sign, then a decimal literal (<c>1</c>, <c>1.</c>, <c>.5</c>,
/// <c>2.5e-3</c>), or <c>inf</c>, <c>infinity</c>, <c>nan</c> in any case; in 3.x single
/// underscores between digits. Out-of-range values become ±inf or ±0, as in CPython.
/// </summary>
internal static class FloatParser
{
    /// <summary>The outcome of parsing.</summary>
    public enum Result
    {
        /// <summary>The whole text is a float.</summary>
        Ok,

        /// <summary>Nothing at the start reads as a float (2.7: "could not convert string to float").</summary>
        Invalid,

        /// <summary>A float is followed by other characters (2.7: "invalid literal for float()").</summary>
        TrailingCharacters,
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="underscores"/> allows single underscores between digits (3.6+).</summary>
    public static Result TryParse(ReadOnlySpan<char> text, bool underscores, out double value)
    {
        value = 0;
        var s = text.Trim();
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        var rest = s[i..];
        foreach (var (word, v) in new[] { ("infinity", double.PositiveInfinity), ("inf", double.PositiveInfinity), ("nan", double.NaN) })
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                value = negative ? -v : v;
                return rest.Length == word.Length ? Result.Ok : Result.TrailingCharacters;
            }
        }

        // Scan the longest decimal literal at the start, copying it without underscores.
        var literal = new System.Text.StringBuilder(rest.Length + 1);
        literal.Append(negative ? '-' : '+');
        var end = ScanDigits(rest, 0, underscores, literal, out var intDigits);
        var fracDigits = 0;
        if (end < rest.Length && rest[end] == '.')
        {
            literal.Append('.');
            end = ScanDigits(rest, end + 1, underscores, literal, out fracDigits);
        }

        if (intDigits + fracDigits == 0)
        {
            return Result.Invalid;
        }

        if (end < rest.Length && (rest[end] == 'e' || rest[end] == 'E'))
        {
            var e = end + 1;
            var exponent = new System.Text.StringBuilder("e");
            if (e < rest.Length && (rest[e] == '+' || rest[e] == '-'))
            {
                exponent.Append(rest[e]);
                e++;
            }

            var afterExponent = ScanDigits(rest, e, underscores, exponent, out var expDigits);
            if (expDigits > 0)
            {
                literal.Append(exponent);
                end = afterExponent;
            }
        }

        value = double.Parse(literal.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return end == rest.Length ? Result.Ok : Result.TrailingCharacters;
    }

    // Digits from `start`, with single underscores between digits when allowed; returns the end.
    private static int ScanDigits(ReadOnlySpan<char> s, int start, bool underscores, System.Text.StringBuilder into, out int count)
    {
        count = 0;
        var i = start;
        while (i < s.Length)
        {
            if (char.IsAsciiDigit(s[i]))
            {
                into.Append(s[i]);
                count++;
                i++;
            }
            else if (underscores && s[i] == '_' && count > 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }
}
