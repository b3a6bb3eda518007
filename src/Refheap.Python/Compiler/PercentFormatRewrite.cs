using System.Text;
using Refheap.Python.Syntax;
using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>
/// 3.12's AST optimizer (optimize_format): <c>'...' % (a, b)</c> with a str literal on the left,
/// a tuple display without starred items on the right, and only <c>%s</c>, <c>%r</c>, <c>%a</c>
/// (and <c>%%</c>) in the format, as many as the items, compiles as the f-string
/// <c>f'...{a!s}...{b!r}'</c>: no argument tuple is built. A width becomes a <c>&gt;N</c> spec
/// (<c>N</c> with the <c>-</c> flag), a precision <c>.P</c>; other flags are dropped, and a
/// width or precision of more than two digits past 3 (CPython's MAXDIGITS check) keeps the
/// <c>%</c> operation.
/// </summary>
internal static class PercentFormatRewrite
{
    private const int MaxDigits = 3;

    /// <summary>The f-string <paramref name="format"/> % <paramref name="items"/> compiles as, or null when CPython keeps the operation.</summary>
    public static FormattedString? TryRewrite(StringLiteral format, TupleExpression items, SourceSpan span)
    {
        var text = format.Value;
        var parts = new List<Expression>();
        var pos = 0;
        var used = 0;
        while (true)
        {
            var literal = ReadLiteral(text, ref pos);
            if (literal.Length > 0)
            {
                parts.Add(new StringLiteral(literal, StringKind.Str, format.Span));
            }

            if (pos >= text.Length)
            {
                break;
            }

            if (used >= items.Elements.Count)
            {
                return null;
            }

            pos++;
            var field = ReadField(text, ref pos, items.Elements[used], format.Span);
            used++;
            if (field == null)
            {
                return null;
            }

            parts.Add(field);
        }

        return used < items.Elements.Count ? null : new FormattedString(parts, span);
    }

    // Up to the next lone '%', with each '%%' read as '%'.
    private static string ReadLiteral(string text, ref int pos)
    {
        var sb = new StringBuilder();
        while (pos < text.Length)
        {
            if (text[pos] != '%')
            {
                sb.Append(text[pos++]);
            }
            else if (pos + 1 < text.Length && text[pos + 1] == '%')
            {
                sb.Append('%');
                pos += 2;
            }
            else
            {
                break;
            }
        }

        return sb.ToString();
    }

    // One conversion after its '%' (simple_format_arg_parse): flags, width, precision, type.
    private static FormattedValue? ReadField(string text, ref int pos, Expression value, SourceSpan span)
    {
        var leftJustify = false;
        char c;
        while (true)
        {
            if (pos >= text.Length)
            {
                return null;
            }

            c = text[pos++];
            if (c == '-')
            {
                leftJustify = true;
            }
            else if (c is not ('+' or ' ' or '#' or '0'))
            {
                break;
            }
        }

        var width = -1;
        if (c is >= '0' and <= '9' && !ReadNumber(text, ref pos, ref c, out width))
        {
            return null;
        }

        var precision = -1;
        if (c == '.')
        {
            if (pos >= text.Length)
            {
                return null;
            }

            c = text[pos++];
            if (!ReadNumber(text, ref pos, ref c, out precision))
            {
                return null;
            }
        }

        if (c is not ('s' or 'r' or 'a'))
        {
            return null;
        }

        var spec = new StringBuilder();
        if (!leftJustify && width > 0)
        {
            spec.Append('>');
        }

        if (width >= 0)
        {
            spec.Append(width);
        }

        if (precision >= 0)
        {
            spec.Append('.').Append(precision);
        }

        var formatSpec = spec.Length == 0 ? null : new FormattedString([new StringLiteral(spec.ToString(), StringKind.Str, span)], span);
        return new FormattedValue(value, c, formatSpec, value.Span);
    }

    // Digits from c on (none is 0); false when the number grows past CPython's limit or the text ends.
    private static bool ReadNumber(string text, ref int pos, ref char c, out int value)
    {
        value = 0;
        while (c is >= '0' and <= '9')
        {
            if (value >= MaxDigits)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
            if (pos >= text.Length)
            {
                return false;
            }

            c = text[pos++];
        }

        return true;
    }
}
