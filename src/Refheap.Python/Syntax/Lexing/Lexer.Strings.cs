using System.Globalization;

namespace Refheap.Python.Syntax.Lexing;

/// <summary>
/// Names, string literals and 3.12's f-strings. A string token covers the whole literal
/// (prefix and quotes included); escapes are decoded by the parser, where CPython decodes them
/// too (and reports a bad escape at the literal).
/// </summary>
internal sealed partial class Lexer
{
    private Token ScanNameOrPrefixedString(int start)
    {
        var prefix = _dialect.FormattedStrings ? ReadPrefix312(start, out var quoteAt) : ReadPrefix27(start, out quoteAt);
        if (quoteAt >= 0)
        {
            _pos = quoteAt;
            return (prefix & StringPrefix.Formatted) != 0 ? StartFString(start, prefix) : ScanString(start, prefix);
        }

        var p = start;
        while (p < _text.Length && IsIdentifierChar(_text[p]))
        {
            p++;
        }

        if (p == start)
        {
            // 2.7 with a coding declaration: a non-ASCII character starts no token.
            _pos = start + 1;
            return MakeToken(TokenKind.Unknown, start, _pos);
        }

        _pos = p;
        VerifyIdentifier(start, p);
        var name = _text[start..p];
        return MakeToken(TokenKind.Name, start, p, name, KeywordTable.Lookup(name, _dialect));
    }

    /// <summary>3.12's prefixes: any order of b/r, f/r, or a lone u; returns the quote's offset or -1.</summary>
    private StringPrefix ReadPrefix312(int start, out int quoteAt)
    {
        var prefix = StringPrefix.None;
        var p = start;
        while (p < _text.Length)
        {
            var c = char.ToLowerInvariant(_text[p]);
            var sawB = (prefix & StringPrefix.Bytes) != 0;
            var sawU = (prefix & StringPrefix.Unicode) != 0;
            var sawR = (prefix & StringPrefix.Raw) != 0;
            var sawF = (prefix & StringPrefix.Formatted) != 0;
            if (!(sawB || sawU || sawF) && c == 'b')
            {
                prefix |= StringPrefix.Bytes;
            }
            else if (!(sawB || sawU || sawR || sawF) && c == 'u')
            {
                prefix |= StringPrefix.Unicode;
            }
            else if (!(sawR || sawU) && c == 'r')
            {
                prefix |= StringPrefix.Raw;
            }
            else if (!(sawF || sawB || sawU) && c == 'f')
            {
                prefix |= StringPrefix.Formatted;
            }
            else
            {
                break;
            }

            p++;
            if (p < _text.Length && _text[p] is '\'' or '"')
            {
                quoteAt = p;
                return prefix;
            }
        }

        quoteAt = -1;
        return StringPrefix.None;
    }

    /// <summary>2.7's prefixes: b, br, r, u, ur (any case).</summary>
    private StringPrefix ReadPrefix27(int start, out int quoteAt)
    {
        quoteAt = -1;
        var first = char.ToLowerInvariant(_text[start]);
        var prefix = first switch
        {
            'b' => StringPrefix.Bytes,
            'r' => StringPrefix.Raw,
            'u' => StringPrefix.Unicode,
            _ => StringPrefix.None,
        };
        if (prefix == StringPrefix.None)
        {
            return prefix;
        }

        var p = start + 1;
        if (prefix != StringPrefix.Raw && p < _text.Length && _text[p] is 'r' or 'R')
        {
            prefix |= StringPrefix.Raw;
            p++;
        }

        if (p < _text.Length && _text[p] is '\'' or '"')
        {
            quoteAt = p;
        }

        return prefix;
    }

    private bool IsIdentifierChar(char c)
    {
        if (IsAsciiLetter(c) || IsDigit(c) || c == '_')
        {
            return true;
        }

        return c >= 0x80 && _dialect.UnicodeIdentifiers;
    }

    /// <summary>3.x: a name may hold only letters, digits, marks and connectors (PEP 3131); the first bad character is reported.</summary>
    private void VerifyIdentifier(int start, int end)
    {
        if (!_dialect.UnicodeIdentifiers)
        {
            return;
        }

        for (var i = start; i < end; i++)
        {
            var c = _text[i];
            if (c < 0x80)
            {
                continue;
            }

            var category = char.GetUnicodeCategory(_text, i);
            var ok = category switch
            {
                UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
                    or UnicodeCategory.ConnectorPunctuation => i > start,
                _ => false,
            };
            if (!ok)
            {
                var codePoint = char.ConvertToUtf32(_text, i);
                var line = _source.LineOf(i);
                var column = i - _source.LineStart(line) + 1;
                var shown = char.ConvertFromUtf32(codePoint);
                throw Error312($"invalid character '{shown}' (U+{codePoint:X4})", line, column, column);
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }
    }

    /// <summary>A string literal whose opening quote is under the cursor.</summary>
    private Token ScanString(int start, StringPrefix prefix) =>
        _dialect.FormattedStrings ? ScanString312(start, prefix) : ScanString27(start, prefix);

    private Token ScanString312(int start, StringPrefix prefix)
    {
        var quoteAt = _pos;
        var quote = _text[_pos++];
        var quoteSize = 1;
        var endQuoteSize = 0;
        var c = NextChar();
        if (c == quote)
        {
            c = NextChar();
            if (c == quote)
            {
                quoteSize = 3;
            }
            else
            {
                endQuoteSize = 1;
            }
        }

        if (c != quote)
        {
            Backup(c);
        }

        while (endQuoteSize != quoteSize)
        {
            c = NextChar();
            if (c == -1 || (quoteSize == 1 && c == '\n'))
            {
                throw UnterminatedString312(start, quote, quoteSize, formatted: false);
            }

            if (c == '\n')
            {
                EnterLine(_pos, insideToken: true);
            }

            if (c == quote)
            {
                endQuoteSize++;
            }
            else
            {
                endQuoteSize = 0;
                if (c == '\\')
                {
                    if (NextChar() == '\n')
                    {
                        EnterLine(_pos, insideToken: true);
                    }
                }
            }
        }

        return MakeToken(TokenKind.String, start, _pos) with { Prefix = prefix, PrefixLength = quoteAt - start, QuoteLength = quoteSize };
    }

    /// <summary>
    /// 3.12's report of a string that runs into the end of its line (or of the file): at the
    /// literal's first character, naming the line where the end was met; inside an f-string's
    /// replacement field, a string opened with the f-string's own quote means the field's
    /// <c>}</c> is missing.
    /// </summary>
    private PythonSyntaxError UnterminatedString312(int start, char quote, int quoteSize, bool formatted)
    {
        var detectedAt = _source.LineOf(Math.Max(0, Math.Min(_pos, _text.Length) - 1));
        if (_pos >= _text.Length && _source.IsStringInput && !_source.AddedFinalNewline)
        {
            // A string ending with a newline: its tokenizer stands on the empty line after it.
            detectedAt++;
        }

        var line = _source.LineOf(start);
        var offset = start - _source.LineStart(line) + 1;
        if (!formatted && _modes.Count > 0)
        {
            var fstring = InnermostFString();
            if (fstring.Quote == quote && fstring.QuoteLength == quoteSize)
            {
                return Error312("f-string: expecting '}'", line, offset, offset);
            }
        }

        var kind = formatted ? "f-string literal" : "string literal";
        var message = quoteSize == 3
            ? $"unterminated triple-quoted {kind} (detected at line {detectedAt})"
            : $"unterminated {kind} (detected at line {detectedAt})";
        return Error312(message, line, offset, offset);
    }

    private Token ScanString27(int start, StringPrefix prefix)
    {
        var quoteAt = _pos;
        var quote = _text[_pos++];
        var secondQuote = quoteAt + 2 - start;
        var triple = false;
        var tripleCount = 0;
        while (true)
        {
            var c = NextChar();
            if (c == '\n')
            {
                if (!triple)
                {
                    Backup(c);
                    throw Error27("EOL while scanning string literal", _pos);
                }

                tripleCount = 0;
                EnterLine(_pos, insideToken: true);
            }
            else if (c == -1)
            {
                if (triple && _source.IsStringInput)
                {
                    // A string program: the tokenizer stays on its last line.
                    var text = _text[_bufferStart..];
                    throw new PythonSyntaxError(_dialect, "SyntaxError", "EOF while scanning triple-quoted string literal",
                        _source.FileName, _source.LineCount, text.Length, null, null, text);
                }

                if (triple)
                {
                    // 2.7 reads one empty line past the end and reports two lines below the last.
                    var text = _text[_bufferStart..] + "\n";
                    throw new PythonSyntaxError(_dialect, "SyntaxError", "EOF while scanning triple-quoted string literal",
                        _source.FileName, _source.LineCount + 2, text.Length, null, null, text);
                }

                throw Error27("EOL while scanning string literal", _pos);
            }
            else if (c == quote)
            {
                tripleCount++;
                if (_pos - start == secondQuote)
                {
                    c = NextChar();
                    if (c == quote)
                    {
                        triple = true;
                        tripleCount = 0;
                        continue;
                    }

                    Backup(c);
                }

                if (!triple || tripleCount == 3)
                {
                    break;
                }
            }
            else if (c == '\\')
            {
                tripleCount = 0;
                c = NextChar();
                if (c == -1)
                {
                    throw Error27("EOL while scanning string literal", _pos);
                }

                if (c == '\n')
                {
                    EnterLine(_pos, insideToken: true);
                }
            }
            else
            {
                tripleCount = 0;
            }
        }

        return MakeToken(TokenKind.String, start, _pos) with
        {
            Prefix = prefix,
            PrefixLength = quoteAt - start,
            QuoteLength = triple ? 3 : 1,
        };
    }

    /// <summary>3.12: an f-string's prefix and opening quote(s); the literal text follows in f-string mode.</summary>
    private Token StartFString(int start, StringPrefix prefix)
    {
        var quote = _text[_pos];
        var quoteLength = _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote ? 3 : 1;
        _pos += quoteLength;
        _modes.Add(FStringFrame.ForString(quote, quoteLength, (prefix & StringPrefix.Raw) != 0, start));
        return MakeToken(TokenKind.FStringStart, start, _pos) with { Prefix = prefix, PrefixLength = _pos - quoteLength - start, QuoteLength = quoteLength };
    }

    private FStringFrame InnermostFString()
    {
        for (var i = _modes.Count - 1; i >= 0; i--)
        {
            if (!_modes[i].IsField)
            {
                return _modes[i];
            }
        }

        throw new InvalidOperationException("no f-string is open");
    }

    /// <summary>
    /// Literal text of an f-string or of a format spec, up to a replacement field's <c>{</c>, the
    /// field's closing <c>}</c> (in a format spec) or the closing quote; at one of those, the
    /// token that starts or ends there.
    /// </summary>
    private Token ScanFStringLiteral()
    {
        var frame = _modes[^1];
        var fstring = InnermostFString();
        var inFormatSpec = frame.IsField;
        var start = _pos;
        var namedEscape = false;
        while (true)
        {
            if (_pos >= _text.Length || (fstring.QuoteLength == 1 && _text[_pos] == '\n'))
            {
                throw UnterminatedString312(fstring.Start, fstring.Quote, fstring.QuoteLength, formatted: true);
            }

            var c = _text[_pos];
            if (c == fstring.Quote && (fstring.QuoteLength == 1 || LookingAtQuotes(fstring.Quote, 3)))
            {
                if (inFormatSpec)
                {
                    var line = _source.LineOf(_pos);
                    var offset = _pos - _source.LineStart(line) + 1;
                    throw Error312("f-string: expecting '}'", line, offset, offset);
                }

                if (_pos > start)
                {
                    return FStringMiddle(start);
                }

                _pos += fstring.QuoteLength;
                _modes.RemoveAt(_modes.Count - 1);
                return MakeToken(TokenKind.FStringEnd, start, _pos);
            }

            if (c == '\n')
            {
                _pos++;
                EnterLine(_pos, insideToken: true);
                continue;
            }

            if (c == '{')
            {
                if (!inFormatSpec && _pos + 1 < _text.Length && _text[_pos + 1] == '{')
                {
                    _pos += 2;
                    continue;
                }

                if (_pos > start)
                {
                    return FStringMiddle(start);
                }

                var line = _source.LineOf(_pos);
                _brackets.Add(new OpenBracket('{', line, _pos - _source.LineStart(line), _pos));
                _modes.Add(FStringFrame.ForField(_brackets.Count));
                _pos++;
                return MakeToken(TokenKind.LeftBrace, start, _pos);
            }

            if (c == '}')
            {
                if (namedEscape)
                {
                    namedEscape = false;
                    _pos++;
                    continue;
                }

                if (!inFormatSpec)
                {
                    if (_pos + 1 < _text.Length && _text[_pos + 1] == '}')
                    {
                        _pos += 2;
                        continue;
                    }

                    _pos++;
                    throw TokenizerError("f-string: single '}' is not allowed");
                }

                if (_pos > start)
                {
                    return FStringMiddle(start);
                }

                return CloseReplacementField();
            }

            if (c == '\\' && _pos + 1 < _text.Length)
            {
                var next = _text[_pos + 1];
                if (next is '{' or '}')
                {
                    _pos++;
                    continue;
                }

                if (!fstring.Raw && next == 'N' && _pos + 2 < _text.Length && _text[_pos + 2] == '{')
                {
                    namedEscape = true;
                    _pos += 3;
                    continue;
                }

                _pos += 2;
                if (next == '\n')
                {
                    EnterLine(_pos, insideToken: true);
                }

                continue;
            }

            _pos++;
        }
    }

    /// <summary>Literal text of an f-string; one that ends with a newline ends, as in CPython, at the start of the next line.</summary>
    private Token FStringMiddle(int start)
    {
        var token = MakeToken(TokenKind.FStringMiddle, start, _pos);
        if (_text[_pos - 1] != '\n')
        {
            return token;
        }

        return token with { Span = token.Span with { EndLine = token.Span.EndLine + 1, EndColumn = 0 } };
    }

    private bool LookingAtQuotes(char quote, int count)
    {
        if (_pos + count > _text.Length)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (_text[_pos + i] != quote)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The <c>}</c> under the cursor closes the innermost replacement field.</summary>
    private Token CloseReplacementField()
    {
        var start = _pos;
        _pos++;
        _brackets.RemoveAt(_brackets.Count - 1);
        _modes.RemoveAt(_modes.Count - 1);
        return MakeToken(TokenKind.RightBrace, start, _pos);
    }
}
