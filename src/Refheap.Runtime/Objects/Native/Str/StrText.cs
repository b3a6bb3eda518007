using System.Globalization;
using System.Text;

namespace Refheap.Objects.Native.Str;

/// <summary>
/// The text algorithms of str's methods on .NET strings, for 2.7's byte strings (ASCII
/// classes, lines split at \n and \r) or 3.x's Unicode strings (the <c>bytes</c>
/// parameters say which).
/// </summary>
internal static class StrText
{
    /// <summary>Whitespace as <c>str.split()</c> and <c>str.strip()</c> see it.</summary>
    public static bool IsSpace(char c, bool bytes) =>
        bytes ? c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' : char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary><c>str.isdigit()</c>'s test of one character.</summary>
    public static bool IsDigit(char c, bool bytes) =>
        bytes ? c is >= '0' and <= '9' : char.IsDigit(c) || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherNumber && CharUnicodeInfo.GetDigitValue(c) >= 0);

    /// <summary><c>str.isalpha()</c>'s test of one character.</summary>
    public static bool IsAlpha(char c, bool bytes) => bytes ? char.IsAsciiLetter(c) : char.IsLetter(c);

    /// <summary>Whether every character passes and there is at least one (<c>isdigit</c>, <c>isalpha</c>, <c>isspace</c>).</summary>
    public static bool All(string s, Func<char, bool> test) => s.Length > 0 && s.All(test);

    /// <summary>Upper case (2.7: ASCII letters only).</summary>
    public static char Upper(char c, bool bytes) => bytes ? (char.IsAsciiLetterLower(c) ? (char)(c - 32) : c) : char.ToUpperInvariant(c);

    /// <summary>Lower case (2.7: ASCII letters only).</summary>
    public static char Lower(char c, bool bytes) => bytes ? (char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c) : char.ToLowerInvariant(c);

    /// <summary>Swapped case (2.7: ASCII letters only).</summary>
    public static char SwapCase(char c, bool bytes)
    {
        var upper = Upper(c, bytes);
        return upper != c ? upper : Lower(c, bytes);
    }

    /// <summary><c>isupper()</c> / <c>islower()</c>: some cased character, none of the other case.</summary>
    public static bool HasCase(string s, bool upper, bool bytes)
    {
        var cased = false;
        foreach (var c in s)
        {
            if (!IsCased(c, bytes))
            {
                continue;
            }

            if (upper ? Lower(c, bytes) == c && Upper(c, bytes) != c : Upper(c, bytes) == c && Lower(c, bytes) != c)
            {
                return false;
            }

            cased = true;
        }

        return cased;
    }

    /// <summary><c>istitle()</c>: uppercase characters only after uncased ones, lowercase only after cased ones, and at least one cased.</summary>
    public static bool IsTitle(string s, bool bytes)
    {
        var cased = false;
        var previousCased = false;
        foreach (var c in s)
        {
            // 3.x: an uppercase or titlecase letter ('ǅ') starts a word, a lowercase one continues it.
            var isUpper = bytes ? IsCased(c, bytes) && Lower(c, bytes) != c : char.IsUpper(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter;
            var isLower = bytes ? IsCased(c, bytes) && Upper(c, bytes) != c : char.IsLower(c);
            if ((isUpper && previousCased) || (isLower && !previousCased))
            {
                return false;
            }

            previousCased = isUpper || isLower;
            cased |= previousCased;
        }

        return cased;
    }

    /// <summary><c>str.upper()</c> / <c>str.lower()</c>.</summary>
    public static string Map(string s, Func<char, char> map) => string.Create(s.Length, (s, map), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.map(state.s[i]);
        }
    });

    private static bool IsCased(char c, bool bytes) => bytes ? char.IsAsciiLetter(c) : char.IsUpper(c) || char.IsLower(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter;

    /// <summary><c>str.title()</c>: a character after an uncased one goes to title case (2.7: upper), the others lower.</summary>
    public static string Title(string s, bool bytes)
    {
        var sb = new StringBuilder(s.Length);
        var previousCased = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (previousCased)
            {
                AppendLower(sb, s, i, bytes);
            }
            else
            {
                AppendTitle(sb, c, bytes);
            }

            previousCased = IsCased(c, bytes);
        }

        return sb.ToString();
    }

    /// <summary><c>str.capitalize()</c>: the first character upper (3.x: title case), the rest lower.</summary>
    public static string Capitalize(string s, bool bytes)
    {
        if (s.Length == 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        AppendTitle(sb, s[0], bytes);
        for (var i = 1; i < s.Length; i++)
        {
            AppendLower(sb, s, i, bytes);
        }

        return sb.ToString();
    }

    /// <summary><c>str.upper()</c>: 3.x's full mapping (<c>'ß'</c> becomes <c>'SS'</c>).</summary>
    public static string UpperText(string s, bool bytes) =>
        MapText(s, bytes, static c => Upper(c, bytes: true), static (sb, t, i) => AppendUpper(sb, t[i]));

    /// <summary><c>str.lower()</c>: 3.x's full mapping, with the final sigma.</summary>
    public static string LowerText(string s, bool bytes) =>
        MapText(s, bytes, static c => Lower(c, bytes: true), static (sb, t, i) => AppendLower(sb, t, i, bytes: false));

    /// <summary><c>str.swapcase()</c>: uppercase characters to lower case (final sigma too), lowercase ones to upper, fully (3.x).</summary>
    public static string SwapCaseText(string s, bool bytes) =>
        MapText(s, bytes, static c => SwapCase(c, bytes: true), static (sb, t, i) =>
        {
            var c = t[i];
            if (char.IsUpper(c))
            {
                AppendLower(sb, t, i, bytes: false);
            }
            else if (char.IsLower(c))
            {
                AppendUpper(sb, c);
            }
            else
            {
                sb.Append(c);
            }
        });

    /// <summary>A case method over the text: 2.7's bytes one character for one, 3.x's text by <paramref name="append"/> (which may write more than one).</summary>
    private static string MapText(string s, bool bytes, Func<char, char> byteMap, Action<StringBuilder, string, int> append)
    {
        if (bytes)
        {
            return Map(s, byteMap);
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            append(sb, s, i);
        }

        return sb.ToString();
    }

    private static void AppendUpper(StringBuilder sb, char c)
    {
        if (SpecialCasing.Upper.TryGetValue(c, out var full))
        {
            sb.Append(full);
        }
        else
        {
            sb.Append(char.ToUpperInvariant(c));
        }
    }

    private static void AppendTitle(StringBuilder sb, char c, bool bytes)
    {
        if (!bytes && SpecialCasing.Title.TryGetValue(c, out var title))
        {
            sb.Append(title);
        }
        else if (bytes)
        {
            sb.Append(Upper(c, bytes: true));
        }
        else
        {
            AppendUpper(sb, c);
        }
    }

    /// <summary>The lower case of <c>s[i]</c>: 3.x's full one, and a capital sigma at a word's end is the final sigma.</summary>
    private static void AppendLower(StringBuilder sb, string s, int i, bool bytes)
    {
        var c = s[i];
        if (bytes)
        {
            sb.Append(Lower(c, bytes: true));
        }
        else if (c == '\u03a3')
        {
            sb.Append(IsFinalSigma(s, i) ? '\u03c2' : '\u03c3');
        }
        else if (SpecialCasing.Lower.TryGetValue(c, out var full))
        {
            sb.Append(full);
        }
        else
        {
            sb.Append(char.ToLowerInvariant(c));
        }
    }

    /// <summary>
    /// Unicode's Final_Sigma context (handle_capital_sigma): a cased character before it and
    /// none after it, case-ignorable characters skipped on both sides.
    /// </summary>
    private static bool IsFinalSigma(string s, int i)
    {
        var j = i - 1;
        while (j >= 0 && IsCaseIgnorable(s[j]))
        {
            j--;
        }

        if (j < 0 || !IsCased(s[j], bytes: false))
        {
            return false;
        }

        j = i + 1;
        while (j < s.Length && IsCaseIgnorable(s[j]))
        {
            j++;
        }

        return j == s.Length || !IsCased(s[j], bytes: false);
    }

    // Unicode's Case_Ignorable: marks, format characters, modifiers, and the word-internal
    // punctuation of Word_Break MidLetter, MidNumLet and Single_Quote.
    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '\u00b7' or '\u0387' or '\u05f4' or '\u2018' or '\u2019' or '\u2024' or '\u2027' or '\ufe13' or '\ufe52' or '\ufe55' or '\uff07' or '\uff0e' or '\uff1a'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    /// <summary><c>str.split(None, maxsplit)</c>: runs of whitespace separate, ends are ignored.</summary>
    public static List<string> SplitWhitespace(string s, long maxsplit, bool bytes)
    {
        var parts = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < s.Length && IsSpace(s[i], bytes))
            {
                i++;
            }

            if (i == s.Length)
            {
                return parts;
            }

            if (maxsplit >= 0 && parts.Count == maxsplit)
            {
                // The rest, trailing whitespace stripped (as CPython's split does).
                var end = s.Length;
                while (end > i && IsSpace(s[end - 1], bytes))
                {
                    end--;
                }

                parts.Add(s[i..end]);
                return parts;
            }

            var start = i;
            while (i < s.Length && !IsSpace(s[i], bytes))
            {
                i++;
            }

            parts.Add(s[start..i]);
        }
    }

    /// <summary><c>str.rsplit(None, maxsplit)</c>: as <see cref="SplitWhitespace"/>, from the right.</summary>
    public static List<string> RSplitWhitespace(string s, long maxsplit, bool bytes)
    {
        var parts = new List<string>();
        var i = s.Length;
        while (true)
        {
            while (i > 0 && IsSpace(s[i - 1], bytes))
            {
                i--;
            }

            if (i == 0)
            {
                break;
            }

            if (maxsplit >= 0 && parts.Count == maxsplit)
            {
                var start = 0;
                while (start < i && IsSpace(s[start], bytes))
                {
                    start++;
                }

                parts.Add(s[start..i]);
                break;
            }

            var end = i;
            while (i > 0 && !IsSpace(s[i - 1], bytes))
            {
                i--;
            }

            parts.Add(s[i..end]);
        }

        parts.Reverse();
        return parts;
    }

    /// <summary><c>str.split(sep, maxsplit)</c> with a non-empty separator.</summary>
    public static List<string> Split(string s, string sep, long maxsplit)
    {
        var parts = new List<string>();
        var start = 0;
        while (maxsplit < 0 || parts.Count < maxsplit)
        {
            var at = s.IndexOf(sep, start, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            parts.Add(s[start..at]);
            start = at + sep.Length;
        }

        parts.Add(s[start..]);
        return parts;
    }

    /// <summary><c>str.rsplit(sep, maxsplit)</c> with a non-empty separator.</summary>
    public static List<string> RSplit(string s, string sep, long maxsplit)
    {
        var parts = new List<string>();
        var end = s.Length;
        while (maxsplit < 0 || parts.Count < maxsplit)
        {
            var at = end - sep.Length < 0 ? -1 : s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal);
            if (at < 0 || at + sep.Length > end)
            {
                break;
            }

            parts.Add(s[(at + sep.Length)..end]);
            end = at;
        }

        parts.Add(s[..end]);
        parts.Reverse();
        return parts;
    }

    /// <summary>Whether <paramref name="c"/> ends a line for <c>str.splitlines()</c>.</summary>
    private static bool IsLineBreak(char c, bool bytes) =>
        c is '\n' or '\r' || (!bytes && c is '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029');

    /// <summary><c>str.splitlines(keepends)</c>: \r\n counts as one break.</summary>
    public static List<string> SplitLines(string s, bool keepends, bool bytes)
    {
        var lines = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && !IsLineBreak(s[i], bytes))
            {
                i++;
            }

            var end = i;
            if (i < s.Length)
            {
                i += s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? 2 : 1;
            }

            lines.Add(s[start..(keepends ? i : end)]);
        }

        return lines;
    }

    /// <summary><c>str.replace(old, new, count)</c>; an empty <paramref name="old"/> inserts before every character and at the end.</summary>
    public static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0)
        {
            count = long.MaxValue;
        }

        var sb = new StringBuilder();
        if (old.Length == 0)
        {
            var n = 0L;
            for (var i = 0; i <= s.Length; i++)
            {
                if (n < count)
                {
                    sb.Append(replacement);
                    n++;
                }

                if (i < s.Length)
                {
                    sb.Append(s[i]);
                }
            }

            return sb.ToString();
        }

        var start = 0;
        var done = 0L;
        while (done < count)
        {
            var at = s.IndexOf(old, start, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            sb.Append(s, start, at - start).Append(replacement);
            start = at + old.Length;
            done++;
        }

        return sb.Append(s, start, s.Length - start).ToString();
    }

    /// <summary>How many times <paramref name="sub"/> occurs in s[start:end] without overlapping (an empty one: between every character).</summary>
    public static long Count(string s, string sub, int start, int end)
    {
        if (start > end)
        {
            return 0;
        }

        if (sub.Length == 0)
        {
            return end - start + 1;
        }

        long n = 0;
        var i = start;
        while (true)
        {
            var at = s.IndexOf(sub, i, end - i, StringComparison.Ordinal);
            if (at < 0)
            {
                return n;
            }

            n++;
            i = at + sub.Length;
        }
    }

    /// <summary>The first (or last) position of <paramref name="sub"/> inside s[start:end], or -1.</summary>
    public static int Find(string s, string sub, int start, int end, bool last)
    {
        if (start > end || end - start < sub.Length)
        {
            return -1;
        }

        if (sub.Length == 0)
        {
            return last ? end : start;
        }

        return last
            ? s.LastIndexOf(sub, end - 1, end - start, StringComparison.Ordinal)
            : s.IndexOf(sub, start, end - start, StringComparison.Ordinal);
    }

    /// <summary><c>ljust</c> / <c>rjust</c> / <c>center</c>: <paramref name="s"/> padded to <paramref name="width"/> with <paramref name="fill"/>.</summary>
    public static string Pad(string s, long width, char fill, int side)
    {
        var margin = width - s.Length;
        if (margin <= 0)
        {
            return s;
        }

        var (left, right) = side switch
        {
            < 0 => (0L, margin),
            > 0 => (margin, 0L),

            // CPython's center: an odd margin puts the extra character on the left when the width is odd.
            _ => ((margin / 2) + (margin & width & 1), margin - ((margin / 2) + (margin & width & 1))),
        };
        return new string(fill, (int)left) + s + new string(fill, (int)right);
    }

    /// <summary><c>str.zfill(width)</c>: zeros after a leading sign.</summary>
    public static string ZFill(string s, long width)
    {
        var fill = width - s.Length;
        if (fill <= 0)
        {
            return s;
        }

        var zeros = new string('0', (int)fill);
        return s.Length > 0 && s[0] is '+' or '-' ? s[0] + zeros + s[1..] : zeros + s;
    }
}
