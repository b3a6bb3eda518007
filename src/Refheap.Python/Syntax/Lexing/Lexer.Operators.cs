namespace Refheap.Python.Syntax.Lexing;

/// <summary>
/// Operators, delimiters and brackets. Brackets are counted (newlines inside them join lines)
/// and matched as CPython's tokenizer matches them; inside a 3.12 f-string's replacement
/// field, a <c>}</c>, <c>:</c> or <c>!</c> at the field's own nesting level ends the expression.
/// </summary>
internal sealed partial class Lexer
{
    private Token ScanOperator(int start)
    {
        var c = _text[_pos];
        var field = _modes.Count > 0 && _modes[^1].IsField ? _modes[^1] : null;
        var atFieldLevel = field is not null && _brackets.Count == field.BracketDepth;
        if (atFieldLevel)
        {
            if (c == '}')
            {
                return CloseReplacementField();
            }

            if (c == ':')
            {
                _pos++;
                field!.InFormatSpec = true;
                return MakeToken(TokenKind.Colon, start, _pos);
            }

            if (c == '!' && !(_pos + 1 < _text.Length && _text[_pos + 1] == '='))
            {
                _pos++;
                return MakeToken(TokenKind.Exclamation, start, _pos);
            }
        }

        var kind = ReadOperator(out var length);
        if (kind == TokenKind.Unknown && c >= 0x80 && !char.IsWhiteSpace(c))
        {
            length = char.IsHighSurrogate(c) && _pos + 1 < _text.Length ? 2 : 1;
        }

        _pos += length;
        switch (kind)
        {
            case TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace:
                if (_brackets.Count >= 200)
                {
                    throw TokenizerError("too many nested parentheses");
                }

                var line = _source.LineOf(start);
                _brackets.Add(new OpenBracket(c, line, start - _source.LineStart(line), start));
                break;
            case TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace:
                CloseBracket(c);
                break;
        }

        return MakeToken(kind, start, _pos);
    }

    /// <summary>Matches a closing bracket (the cursor is past it) with the innermost open one.</summary>
    private void CloseBracket(char c)
    {
        if (_brackets.Count == 0)
        {
            if (_dialect.Errors == SyntaxErrorStyle.Cpython312)
            {
                throw TokenizerError($"unmatched '{c}'");
            }

            return;
        }

        var opening = _brackets[^1];
        _brackets.RemoveAt(_brackets.Count - 1);
        var matches = (opening.Char, c) is ('(', ')') or ('[', ']') or ('{', '}');
        if (matches || _dialect.Errors == SyntaxErrorStyle.Cpython27)
        {
            return;
        }

        if (opening.Char == '{' && _modes.Count > 0 && _modes[^1].IsField && _modes[^1].BracketDepth == _brackets.Count + 1)
        {
            throw TokenizerError($"f-string: unmatched '{c}'");
        }

        var currentLine = _source.LineOf(_pos - 1);
        throw TokenizerError(opening.Line != currentLine
            ? $"closing parenthesis '{c}' does not match opening parenthesis '{opening.Char}' on line {opening.Line}"
            : $"closing parenthesis '{c}' does not match opening parenthesis '{opening.Char}'");
    }

    /// <summary>The longest operator at the cursor the dialect knows (CPython's _PyToken_ThreeChars/TwoChars/OneChar).</summary>
    private TokenKind ReadOperator(out int length)
    {
        var c1 = _text[_pos];
        var c2 = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
        var c3 = _pos + 2 < _text.Length ? _text[_pos + 2] : '\0';
        var py3 = _dialect.MatrixMultiplication;

        length = 3;
        switch (c1, c2, c3)
        {
            case ('*', '*', '='): return TokenKind.DoubleStarEqual;
            case ('/', '/', '='): return TokenKind.DoubleSlashEqual;
            case ('<', '<', '='): return TokenKind.LeftShiftEqual;
            case ('>', '>', '='): return TokenKind.RightShiftEqual;
            case ('.', '.', '.') when py3: return TokenKind.Ellipsis;
        }

        length = 2;
        switch (c1, c2)
        {
            case ('!', '='): return TokenKind.NotEqual;
            case ('<', '>'): return _dialect.DiamondNotEqual ? TokenKind.NotEqual : TokenKind.Unknown;
            case ('%', '='): return TokenKind.PercentEqual;
            case ('&', '='): return TokenKind.AmpersandEqual;
            case ('*', '*'): return TokenKind.DoubleStar;
            case ('*', '='): return TokenKind.StarEqual;
            case ('+', '='): return TokenKind.PlusEqual;
            case ('-', '='): return TokenKind.MinusEqual;
            case ('-', '>') when py3: return TokenKind.RightArrow;
            case ('/', '/'): return TokenKind.DoubleSlash;
            case ('/', '='): return TokenKind.SlashEqual;
            case (':', '=') when py3: return TokenKind.ColonEqual;
            case ('<', '<'): return TokenKind.LeftShift;
            case ('<', '='): return TokenKind.LessEqual;
            case ('=', '='): return TokenKind.EqualEqual;
            case ('>', '='): return TokenKind.GreaterEqual;
            case ('>', '>'): return TokenKind.RightShift;
            case ('@', '=') when py3: return TokenKind.AtEqual;
            case ('^', '='): return TokenKind.CircumflexEqual;
            case ('|', '='): return TokenKind.VerticalBarEqual;
        }

        length = 1;
        return c1 switch
        {
            '!' when py3 => TokenKind.Exclamation,
            '%' => TokenKind.Percent,
            '&' => TokenKind.Ampersand,
            '(' => TokenKind.LeftParen,
            ')' => TokenKind.RightParen,
            '*' => TokenKind.Star,
            '+' => TokenKind.Plus,
            ',' => TokenKind.Comma,
            '-' => TokenKind.Minus,
            '.' => TokenKind.Dot,
            '/' => TokenKind.Slash,
            ':' => TokenKind.Colon,
            ';' => TokenKind.Semicolon,
            '<' => TokenKind.Less,
            '=' => TokenKind.Equal,
            '>' => TokenKind.Greater,
            '@' => TokenKind.At,
            '[' => TokenKind.LeftBracket,
            ']' => TokenKind.RightBracket,
            '^' => TokenKind.Circumflex,
            '{' => TokenKind.LeftBrace,
            '|' => TokenKind.VerticalBar,
            '}' => TokenKind.RightBrace,
            '~' => TokenKind.Tilde,
            '`' when _dialect.BacktickRepr => TokenKind.Backquote,
            _ => TokenKind.Unknown,
        };
    }
}
