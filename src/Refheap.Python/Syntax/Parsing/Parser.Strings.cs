using System.Globalization;
using System.Numerics;
using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Lexing;

namespace Refheap.Python.Syntax.Parsing;

/// <summary>
/// Literals: numbers, strings joined with their neighbours (<c>"a" "b"</c>), and 3.12's
/// f-strings read from the f-string tokens (PEP 701).
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Replacement fields the parser is inside (a lambda's colon there starts a format spec).</summary>
    private int _fieldDepth;

    /// <summary>
    /// 2.7: a plain string literal was read as a byte string before <c>unicode_literals</c> was
    /// imported. 2.7 applies the import to the whole module (the docstring before it too), so
    /// <see cref="PythonParser"/> then parses the file again with the feature on from the start.
    /// </summary>
    public bool PlainStringBeforeUnicodeLiterals { get; private set; }

    private Expression NumberLiteral(Token token)
    {
        var text = token.Text.Replace("_", string.Empty, StringComparison.Ordinal);
        switch (token.Kind)
        {
            case TokenKind.Imaginary:
                var imaginary = new ImaginaryLiteral(ParseFloat(text[..^1]), token.Span);
                Unsupported("complex numbers", token.Span);
                return imaginary;
            case TokenKind.Float:
                return new FloatLiteral(ParseFloat(text), token.Span);
            default:
                var isLong = text[^1] is 'l' or 'L';
                if (isLong)
                {
                    text = text[..^1];
                }

                return new IntegerLiteral(ParseInteger(text), isLong, token.Span);
        }
    }

    private static double ParseFloat(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>An integer literal's value: <c>0x</c>, <c>0o</c>, <c>0b</c>, decimal, and 2.7's <c>0777</c> octal.</summary>
    private static BigInteger ParseInteger(string text)
    {
        if (text.Length > 1 && text[0] == '0')
        {
            var (digits, radix) = char.ToLowerInvariant(text[1]) switch
            {
                'x' => (text[2..], 16),
                'o' => (text[2..], 8),
                'b' => (text[2..], 2),
                _ => (text[1..], 8),
            };
            var value = BigInteger.Zero;
            foreach (var digit in digits)
            {
                value = (value * radix) + Convert.ToInt32(digit.ToString(), 16);
            }

            return value;
        }

        return BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Adjacent string and f-string literals, joined: a <see cref="StringLiteral"/>, or a
    /// <see cref="FormattedString"/> when any part is an f-string.
    /// </summary>
    private Expression ParseStrings()
    {
        var start = Current;
        var parts = new List<Expression>();
        var kinds = new HashSet<StringKind>();
        var anyFormatted = false;
        while (At(TokenKind.String) || At(TokenKind.FStringStart))
        {
            if (At(TokenKind.String))
            {
                var token = Advance();
                var (value, kind) = DecodeStringToken(token);
                kinds.Add(kind);
                parts.Add(new StringLiteral(value, kind, token.Span));
            }
            else
            {
                anyFormatted = true;
                kinds.Add(StringKind.Str);
                parts.AddRange(ParseFString());
            }
        }

        var span = SpanFrom(start);
        if (kinds.Contains(StringKind.Bytes) && kinds.Count > 1)
        {
            throw ErrorAtToken(Current, "cannot mix bytes and nonbytes literals");
        }

        var resultKind = kinds.Contains(StringKind.Unicode) ? StringKind.Unicode : kinds.First();
        if (!anyFormatted)
        {
            var text = string.Concat(parts.Select(p => ((StringLiteral)p).Value));
            return new StringLiteral(text, resultKind, span) { LegacyLine = start.Span.EndLine };
        }

        return new FormattedString(JoinLiteralParts(parts), span);
    }

    /// <summary>Joins neighbouring literal parts and drops empty ones, as CPython's JoinedStr has them.</summary>
    private static List<Expression> JoinLiteralParts(List<Expression> parts)
    {
        var joined = new List<Expression>();
        foreach (var part in parts)
        {
            if (part is StringLiteral literal)
            {
                if (literal.Value.Length == 0)
                {
                    continue;
                }

                if (joined.Count > 0 && joined[^1] is StringLiteral previous)
                {
                    joined[^1] = new StringLiteral(previous.Value + literal.Value, StringKind.Str, SourceSpan.Cover(previous.Span, literal.Span));
                    continue;
                }
            }

            joined.Add(part);
        }

        return joined;
    }

    /// <summary>A string token's value and type: its prefix, the dialect and (2.7) <c>unicode_literals</c> decide.</summary>
    private (string Value, StringKind Kind) DecodeStringToken(Token token)
    {
        var prefix = token.Prefix;
        var body = token.Text.Substring(token.PrefixLength + token.QuoteLength, token.Text.Length - token.PrefixLength - (2 * token.QuoteLength));
        var raw = (prefix & StringPrefix.Raw) != 0;
        StringKind kind;
        StringLiteralDecoder.Escapes escapes;
        if (_dialect.PlainStringsAreBytes)
        {
            var plain = (prefix & (StringPrefix.Unicode | StringPrefix.Bytes)) == 0;
            var unicode = (prefix & StringPrefix.Unicode) != 0 || (plain && (_future & FutureFeatures.UnicodeLiterals) != 0);
            PlainStringBeforeUnicodeLiterals |= plain && !unicode;
            kind = unicode ? StringKind.Unicode : StringKind.Str;
            escapes = unicode ? (raw ? StringLiteralDecoder.Escapes.RawUnicode : StringLiteralDecoder.Escapes.Unicode) : StringLiteralDecoder.Escapes.Bytes;
        }
        else
        {
            kind = (prefix & StringPrefix.Bytes) != 0 ? StringKind.Bytes : StringKind.Str;
            escapes = kind == StringKind.Bytes ? StringLiteralDecoder.Escapes.Bytes : StringLiteralDecoder.Escapes.Unicode;
            if (kind == StringKind.Bytes && body.Any(c => c >= 0x80))
            {
                throw ErrorAtSpan(token.Span, "bytes can only contain ASCII literal characters");
            }
        }

        if (raw && escapes != StringLiteralDecoder.Escapes.RawUnicode)
        {
            return (kind == StringKind.Str && _dialect.PlainStringsAreBytes && body.Any(c => c >= 0x80)
                ? StringLiteralDecoder.SourceBytes(body, _source.DeclaredEncoding)
                : body, kind);
        }

        return (Decode(token, body, escapes), kind);
    }

    /// <summary>Decodes escapes, turning a failure into the dialect's error at the literal.</summary>
    private string Decode(Token token, string body, StringLiteralDecoder.Escapes escapes)
    {
        try
        {
            var value = StringLiteralDecoder.Decode(body, escapes, !Is312, out var invalidEscape, _source.DeclaredEncoding);
            if (invalidEscape is not null && Is312)
            {
                _warnings.Add(new PythonSyntaxWarning(_source.FileName, token.Line, "SyntaxWarning", invalidEscape, _source.LineWithoutNewline(token.Line)));
            }

            return value;
        }
        catch (LiteralDecodeException error) when (error.IsUnsupported)
        {
            Unsupported(error.Message, token.Span);
            return body;
        }
        catch (LiteralDecodeException error)
        {
            if (Is312)
            {
                throw ErrorAtSpan(token.Span, error.Message);
            }

            var located = error.ErrorType is null
                ? ErrorOnLine27(token.Line, error.Message)
                : new PythonSyntaxError(_dialect, error.ErrorType, error.Message, _source.FileName, token.Line, null, null, null, null);
            Defer(CheckPhase.Ast, located);
            return body;
        }
    }

    /// <summary>One f-string: its literal parts and replacement fields, up to its closing quote.</summary>
    private List<Expression> ParseFString()
    {
        var start = Advance();
        var raw = (start.Prefix & StringPrefix.Raw) != 0;
        var parts = new List<Expression>();
        while (!At(TokenKind.FStringEnd))
        {
            if (At(TokenKind.FStringMiddle))
            {
                var middle = Advance();
                parts.Add(new StringLiteral(DecodeFStringText(middle, raw, halveBraces: true), StringKind.Str, middle.Span));
            }
            else if (At(TokenKind.LeftBrace))
            {
                parts.AddRange(ParseReplacementField(raw));
            }
            else
            {
                throw InvalidSyntax(Current);
            }
        }

        Advance();
        return parts;
    }

    private string DecodeFStringText(Token token, bool raw, bool halveBraces)
    {
        var text = token.Text;
        if (halveBraces)
        {
            text = text.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
        }

        return raw ? text : Decode(token, text, StringLiteralDecoder.Escapes.Unicode);
    }

    /// <summary>
    /// <c>{expression=!r:spec}</c>. A <c>=</c> after the expression (3.8's self-documenting
    /// form) adds the expression's source text as a literal part and makes <c>!r</c> the
    /// default conversion when no format spec is given.
    /// </summary>
    private List<Expression> ParseReplacementField(bool raw)
    {
        var open = Advance();
        _bracketDepth++;
        _fieldDepth++;
        if (At(TokenKind.RightBrace))
        {
            throw ErrorAtToken(Current, "f-string: valid expression required before '}'");
        }

        var value = At(Keyword.Yield) ? ParseYieldExpression() : ParseStarExpressions();
        var parts = new List<Expression>();
        var debug = false;
        if (At(TokenKind.Equal))
        {
            Advance();
            debug = true;
            var textEnd = Current.Start;
            var text = _source.Text[open.End..textEnd];
            parts.Add(new StringLiteral(text, StringKind.Str, _lexer.SpanOf(open.End, textEnd)));
        }

        char? conversion = null;
        if (At(TokenKind.Exclamation))
        {
            var bang = Advance();
            if (!At(TokenKind.Name) || Current.Start != bang.End)
            {
                throw ErrorAtToken(Current, "f-string: missing conversion character");
            }

            var name = Advance();
            if (name.Text is not ("s" or "r" or "a"))
            {
                throw ErrorAtToken(name, $"f-string: invalid conversion character '{name.Text}': expected 's', 'r', or 'a'");
            }

            conversion = name.Text[0];
        }

        FormattedString? spec = null;
        if (At(TokenKind.Colon))
        {
            var colon = Advance();
            var specParts = new List<Expression>();
            while (At(TokenKind.FStringMiddle) || At(TokenKind.LeftBrace))
            {
                if (At(TokenKind.FStringMiddle))
                {
                    var middle = Advance();
                    specParts.Add(new StringLiteral(DecodeFStringText(middle, raw, halveBraces: false), StringKind.Str, middle.Span));
                }
                else
                {
                    specParts.AddRange(ParseReplacementField(raw));
                }
            }

            if (specParts.Count > 0 && specParts[^1] is FormattedValue)
            {
                // 3.12's tokenizer reads an empty literal between a spec's last field and its '}'.
                var end = SpanFrom(colon);
                specParts.Add(new StringLiteral(string.Empty, StringKind.Str, new SourceSpan(end.EndLine, end.EndColumn, end.EndLine, end.EndColumn)));
                spec = new FormattedString(specParts, end);
            }
            else
            {
                spec = new FormattedString(JoinLiteralParts(specParts), SpanFrom(colon));
            }
        }

        if (!At(TokenKind.RightBrace))
        {
            throw Is312 ? ErrorAtToken(Current, "f-string: expecting '}'") : InvalidSyntax(Current);
        }

        Advance();
        _bracketDepth--;
        _fieldDepth--;
        if (debug && conversion is null && spec is null)
        {
            conversion = 'r';
        }

        parts.Add(new FormattedValue(value, conversion, spec, SpanFrom(open)));
        return parts;
    }
}
