using System.Globalization;
using System.Text;

namespace Refheap.Python.Syntax.Parsing;

/// <summary>
/// Decodes the backslash escapes of a string literal's body as CPython does for each kind of
/// literal: 3.x <c>str</c> (the 'unicodeescape' codec), 3.x <c>bytes</c>, 2.7 <c>str</c>
/// (bytes), 2.7 <c>unicode</c>, and 2.7's raw unicode (<c>ur''</c>, which still decodes
/// <c>\u</c>). Byte strings come back one char per byte (0-255).
/// </summary>
internal static class StringLiteralDecoder
{
    /// <summary>The escapes a literal's body understands.</summary>
    internal enum Escapes
    {
        /// <summary>3.x str and 2.7 unicode: also <c>\u</c>, <c>\U</c>, <c>\N{...}</c>.</summary>
        Unicode,

        /// <summary>3.x bytes and 2.7 str: <c>\x</c>, octal and the single-letter escapes.</summary>
        Bytes,

        /// <summary>2.7 <c>ur''</c>: only <c>\u</c> and <c>\U</c>, after an odd number of backslashes.</summary>
        RawUnicode,
    }

    /// <summary>
    /// Decodes <paramref name="body"/>. <paramref name="firstInvalidEscape"/> receives 3.12's
    /// warning text for the first escape it does not know (<c>invalid escape sequence '\d'</c>).
    /// </summary>
    /// <exception cref="LiteralDecodeException">A malformed escape (a truncated <c>\x</c>, ...).</exception>
    public static string Decode(string body, Escapes escapes, bool is27, out string? firstInvalidEscape, Encoding? sourceEncoding = null)
    {
        firstInvalidEscape = null;
        if (escapes == Escapes.RawUnicode)
        {
            return DecodeRawUnicode(body);
        }

        if (escapes == Escapes.Bytes && body.Any(c => c >= 0x80))
        {
            // 2.7 keeps the source file's bytes; 3.x rejects them before this point.
            body = SourceBytes(body, sourceEncoding);
        }

        if (!body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }

        var output = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                output.Append(c);
                continue;
            }

            var escapeStart = i;
            i++;
            var e = body[i];
            switch (e)
            {
                case '\n': break;
                case '\\': output.Append('\\'); break;
                case '\'': output.Append('\''); break;
                case '"': output.Append('"'); break;
                case 'b': output.Append('\b'); break;
                case 'f': output.Append('\f'); break;
                case 't': output.Append('\t'); break;
                case 'n': output.Append('\n'); break;
                case 'r': output.Append('\r'); break;
                case 'v': output.Append('\v'); break;
                case 'a': output.Append('\a'); break;
                case >= '0' and <= '7':
                    var value = e - '0';
                    var digits = 1;
                    while (digits < 3 && i + 1 < body.Length && body[i + 1] is >= '0' and <= '7')
                    {
                        value = (value * 8) + (body[++i] - '0');
                        digits++;
                    }

                    if (value > 0xFF)
                    {
                        firstInvalidEscape ??= $"invalid octal escape sequence '\\{body.Substring(escapeStart + 1, digits)}'";
                        if (escapes == Escapes.Bytes)
                        {
                            value &= 0xFF;
                        }
                    }

                    output.Append((char)value);
                    break;
                case 'x':
                    i = AppendHexEscape(output, body, escapeStart, 2, escapes, is27);
                    break;
                case 'u' when escapes == Escapes.Unicode:
                    i = AppendHexEscape(output, body, escapeStart, 4, escapes, is27);
                    break;
                case 'U' when escapes == Escapes.Unicode:
                    i = AppendHexEscape(output, body, escapeStart, 8, escapes, is27);
                    break;
                case 'N' when escapes == Escapes.Unicode:
                    throw new LiteralDecodeException(null, "\\N{...} escapes", unsupported: true);
                default:
                    firstInvalidEscape ??= $"invalid escape sequence '\\{e}'";
                    output.Append('\\').Append(e);
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// <c>\x</c>, <c>\u</c>, <c>\U</c> with exactly <paramref name="count"/> hex digits. The
    /// 'unicodeescape' codec counts positions in a copy of the body where every non-ASCII
    /// character stands as a ten-byte <c>\U</c> escape, so the message's positions do too.
    /// </summary>
    private static int AppendHexEscape(StringBuilder output, string body, int escapeStart, int count, Escapes escapes, bool is27)
    {
        var i = escapeStart + 2;
        var digits = 0;
        while (digits < count && i + digits < body.Length && Uri.IsHexDigit(body[i + digits]))
        {
            digits++;
        }

        var position = CodecPosition(body, escapeStart);
        if (digits < count)
        {
            if (escapes == Escapes.Bytes)
            {
                throw is27
                    ? new LiteralDecodeException("ValueError", "invalid \\x escape")
                    : new LiteralDecodeException(null, $"(value error) invalid \\x escape at position {position}");
            }

            var name = count switch
            {
                2 => "\\xXX",
                4 => "\\uXXXX",
                _ => "\\UXXXXXXXX",
            };
            throw new LiteralDecodeException(null,
                $"(unicode error) 'unicodeescape' codec can't decode bytes in position {position}-{position + 1 + digits}: truncated {name} escape");
        }

        var value = int.Parse(body.AsSpan(i, count), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (count == 8 && (uint)value > 0x10FFFF)
        {
            throw new LiteralDecodeException(null,
                $"(unicode error) 'unicodeescape' codec can't decode bytes in position {position}-{position + 9}: illegal Unicode character");
        }

        // A lone surrogate is a valid code point of a Python str; a .NET string holds it as is.
        if (value is >= 0xD800 and <= 0xDFFF)
        {
            output.Append((char)value);
        }
        else
        {
            output.Append(char.ConvertFromUtf32(value));
        }

        return i + count - 1;
    }

    /// <summary>The bytes <paramref name="text"/> had in the source file, one char per byte.</summary>
    public static string SourceBytes(string text, Encoding? sourceEncoding) =>
        Encoding.Latin1.GetString((sourceEncoding ?? Encoding.UTF8).GetBytes(text));

    private static int CodecPosition(string body, int index)
    {
        var position = 0;
        for (var i = 0; i < index; i++)
        {
            position += body[i] < 0x80 ? 1 : 10;
        }

        return position;
    }

    private static string DecodeRawUnicode(string body)
    {
        var output = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                output.Append(c);
                continue;
            }

            var run = 0;
            while (i + run < body.Length && body[i + run] == '\\')
            {
                run++;
            }

            var next = i + run < body.Length ? body[i + run] : '\0';
            if (run % 2 == 1 && next is 'u' or 'U')
            {
                output.Append('\\', run - 1);
                var count = next == 'u' ? 4 : 8;
                var start = i + run + 1;
                if (start + count > body.Length || !body.AsSpan(start, count).ToString().All(Uri.IsHexDigit))
                {
                    throw new LiteralDecodeException(null,
                        $"(unicode error) 'rawunicodeescape' codec can't decode bytes in position {i + run - 1}-{Math.Min(body.Length, start + count) - 1}: truncated \\{(count == 4 ? "uXXXX" : "UXXXXXXXX")}");
                }

                var value = int.Parse(body.AsSpan(start, count), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                output.Append(char.ConvertFromUtf32(value));
                i = start + count - 1;
            }
            else
            {
                output.Append('\\', run);
                i += run - 1;
            }
        }

        return output.ToString();
    }
}
