namespace Refheap.Python.Syntax.Lexing;

/// <summary>
/// Number literals, ported from each CPython's tokenizer so that a malformed literal fails at
/// the same character: 3.12 checks underscores, digits and what follows the literal
/// (<c>verify_end_of_number</c>); 2.7 ends the literal at the first character that cannot
/// continue it and lets the parser fail on what follows.
/// </summary>
internal sealed partial class Lexer
{
    private enum NumberStage
    {
        /// <summary>After the integer part: a fraction, an exponent or a <c>j</c> may follow.</summary>
        Integer,

        /// <summary>After the point: digits may follow.</summary>
        Fraction,

        /// <summary>At an <c>e</c> or <c>E</c>.</summary>
        Exponent,

        /// <summary>At a <c>j</c> or <c>J</c>.</summary>
        Imaginary,
    }

    private Token ScanNumber(int start) =>
        _dialect.UnderscoresInNumbers ? ScanNumber312(start) : ScanNumber27(start);

    private Token ScanNumber312(int start)
    {
        var isFloat = false;
        NumberStage stage;
        var c = NextChar();
        if (c == '.')
        {
            c = NextChar();
            stage = NumberStage.Fraction;
        }
        else if (c == '0')
        {
            c = NextChar();
            if (c is 'x' or 'X')
            {
                c = NextChar();
                do
                {
                    if (c == '_')
                    {
                        c = NextChar();
                    }

                    if (!IsHexDigit(c))
                    {
                        Backup(c);
                        throw TokenizerError("invalid hexadecimal literal");
                    }

                    do
                    {
                        c = NextChar();
                    }
                    while (IsHexDigit(c));
                }
                while (c == '_');
                return EndInteger(start, c, "hexadecimal");
            }

            if (c is 'o' or 'O' or 'b' or 'B')
            {
                var binary = c is 'b' or 'B';
                var kind = binary ? "binary" : "octal";
                var limit = binary ? '2' : '8';
                c = NextChar();
                do
                {
                    if (c == '_')
                    {
                        c = NextChar();
                    }

                    if (c < '0' || c >= limit)
                    {
                        if (IsDigit(c))
                        {
                            throw TokenizerError($"invalid digit '{(char)c}' in {kind} literal");
                        }

                        Backup(c);
                        throw TokenizerError($"invalid {kind} literal");
                    }

                    do
                    {
                        c = NextChar();
                    }
                    while (c >= '0' && c < limit);
                }
                while (c == '_');
                if (IsDigit(c))
                {
                    throw TokenizerError($"invalid digit '{(char)c}' in {kind} literal");
                }

                return EndInteger(start, c, kind);
            }

            // Zeros, perhaps followed by the digits of a 2.x-style octal literal (an error now).
            var nonzero = false;
            while (true)
            {
                if (c == '_')
                {
                    c = NextChar();
                    if (!IsDigit(c))
                    {
                        Backup(c);
                        throw TokenizerError("invalid decimal literal");
                    }
                }

                if (c != '0')
                {
                    break;
                }

                c = NextChar();
            }

            var zerosEnd = _pos;
            if (IsDigit(c))
            {
                nonzero = true;
                c = DecimalTail();
            }

            if (c == '.')
            {
                c = NextChar();
                stage = NumberStage.Fraction;
            }
            else if (c is 'e' or 'E')
            {
                stage = NumberStage.Exponent;
            }
            else if (c is 'j' or 'J')
            {
                stage = NumberStage.Imaginary;
            }
            else if (nonzero)
            {
                Backup(c);
                var line = _source.LineOf(start);
                var lineStart = _source.LineStart(line);
                throw Error312(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    line, start + 1 - lineStart, zerosEnd - lineStart);
            }
            else
            {
                return EndInteger(start, c, "decimal");
            }
        }
        else
        {
            c = DecimalTail();
            if (c == '.')
            {
                c = NextChar();
                stage = NumberStage.Fraction;
            }
            else
            {
                stage = NumberStage.Integer;
            }
        }

        if (stage == NumberStage.Fraction)
        {
            isFloat = true;
            if (IsDigit(c))
            {
                c = DecimalTail();
            }

            stage = NumberStage.Integer;
        }

        if (stage == NumberStage.Integer && c is 'e' or 'E')
        {
            stage = NumberStage.Exponent;
        }

        if (stage == NumberStage.Exponent)
        {
            var e = c;
            c = NextChar();
            if (c is '+' or '-')
            {
                c = NextChar();
                if (!IsDigit(c))
                {
                    Backup(c);
                    throw TokenizerError("invalid decimal literal");
                }
            }
            else if (!IsDigit(c))
            {
                // "1else": the 'e' starts the next token.
                Backup(c);
                VerifyEndOfNumber(e, "decimal");
                Backup(e);
                return MakeToken(isFloat ? TokenKind.Float : TokenKind.Integer, start, _pos);
            }

            c = DecimalTail();
            isFloat = true;
        }

        // stage == Imaginary arrives here too, at the 'j' of "0j".
        if (c is 'j' or 'J')
        {
            c = NextChar();
            VerifyEndOfNumber(c, "imaginary");
            Backup(c);
            return MakeToken(TokenKind.Imaginary, start, _pos);
        }

        VerifyEndOfNumber(c, "decimal");
        Backup(c);
        return MakeToken(isFloat ? TokenKind.Float : TokenKind.Integer, start, _pos);
    }

    private Token EndInteger(int start, int c, string kind)
    {
        VerifyEndOfNumber(c, kind);
        Backup(c);
        return MakeToken(TokenKind.Integer, start, _pos);
    }

    /// <summary>Digits with single underscores between them; returns the first character after them (consumed).</summary>
    private int DecimalTail()
    {
        int c;
        while (true)
        {
            do
            {
                c = NextChar();
            }
            while (IsDigit(c));
            if (c != '_')
            {
                break;
            }

            c = NextChar();
            if (!IsDigit(c))
            {
                Backup(c);
                throw TokenizerError("invalid decimal literal");
            }
        }

        return c;
    }

    /// <summary>
    /// 3.12: a literal may not run into a name (<c>10L</c>, <c>1_</c>), except into the keywords
    /// that can follow a number in valid code (<c>1if x else 2</c>), which 3.12 only warns about.
    /// <paramref name="c"/> has been consumed.
    /// </summary>
    private void VerifyEndOfNumber(int c, string kind)
    {
        var keywordFollows = c switch
        {
            'a' => LookingAt("nd"),
            'e' => LookingAt("lse"),
            'f' => LookingAt("or"),
            'i' => _pos < _text.Length && _text[_pos] is 'f' or 'n' or 's',
            'o' => LookingAt("r"),
            'n' => LookingAt("ot"),
            _ => false,
        };
        if (!keywordFollows && IsPotentialIdentifierChar(c))
        {
            Backup(c);
            throw TokenizerError($"invalid {kind} literal");
        }
    }

    private bool LookingAt(string text) => string.CompareOrdinal(_text, _pos, text, 0, text.Length) == 0;

    private static bool IsHexDigit(int c) => IsDigit(c) || c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static bool IsPotentialIdentifierChar(int c) => IsAsciiLetter(c) || IsDigit(c) || c == '_' || c >= 0x80;

    /// <summary>2.7's number scanner: octal <c>0777</c>, long suffix <c>L</c>, no underscores.</summary>
    private Token ScanNumber27(int start)
    {
        var kind = TokenKind.Integer;
        var c = NextChar();
        var stage = NumberStage.Integer;
        if (c == '.')
        {
            stage = NumberStage.Fraction;
        }
        else if (c == '0')
        {
            c = NextChar();
            if (c == '.')
            {
                stage = NumberStage.Fraction;
            }
            else if (c is 'j' or 'J')
            {
                stage = NumberStage.Imaginary;
            }
            else
            {
                if (c is 'x' or 'X')
                {
                    c = NextChar();
                    if (!IsHexDigit(c))
                    {
                        Backup(c);
                        throw TokenizerError("invalid token");
                    }

                    do
                    {
                        c = NextChar();
                    }
                    while (IsHexDigit(c));
                }
                else if (c is 'o' or 'O' or 'b' or 'B')
                {
                    var limit = c is 'b' or 'B' ? '2' : '8';
                    c = NextChar();
                    if (c < '0' || c >= limit)
                    {
                        Backup(c);
                        throw TokenizerError("invalid token");
                    }

                    do
                    {
                        c = NextChar();
                    }
                    while (c >= '0' && c < limit);
                }
                else
                {
                    var foundDecimal = false;
                    while (c is >= '0' and < '8')
                    {
                        c = NextChar();
                    }

                    if (IsDigit(c))
                    {
                        foundDecimal = true;
                        do
                        {
                            c = NextChar();
                        }
                        while (IsDigit(c));
                    }

                    if (c == '.')
                    {
                        stage = NumberStage.Fraction;
                    }
                    else if (c is 'e' or 'E')
                    {
                        stage = NumberStage.Exponent;
                    }
                    else if (c is 'j' or 'J')
                    {
                        stage = NumberStage.Imaginary;
                    }
                    else if (foundDecimal)
                    {
                        Backup(c);
                        throw TokenizerError("invalid token");
                    }
                }

                if (stage == NumberStage.Integer)
                {
                    if (c is 'l' or 'L')
                    {
                        c = NextChar();
                    }

                    Backup(c);
                    return MakeToken(kind, start, _pos);
                }
            }
        }
        else
        {
            do
            {
                c = NextChar();
            }
            while (IsDigit(c));
            if (c is 'l' or 'L')
            {
                c = NextChar();
                Backup(c);
                return MakeToken(kind, start, _pos);
            }

            if (c == '.')
            {
                stage = NumberStage.Fraction;
            }
        }

        if (stage == NumberStage.Fraction)
        {
            kind = TokenKind.Float;
            do
            {
                c = NextChar();
            }
            while (IsDigit(c));
            stage = NumberStage.Integer;
        }

        if (stage == NumberStage.Exponent || (stage == NumberStage.Integer && c is 'e' or 'E'))
        {
            var e = c;
            c = NextChar();
            if (c is '+' or '-')
            {
                c = NextChar();
                if (!IsDigit(c))
                {
                    Backup(c);
                    throw TokenizerError("invalid token");
                }
            }
            else if (!IsDigit(c))
            {
                Backup(c);
                Backup(e);
                return MakeToken(kind, start, _pos);
            }

            kind = TokenKind.Float;
            do
            {
                c = NextChar();
            }
            while (IsDigit(c));
        }

        if (stage == NumberStage.Imaginary || c is 'j' or 'J')
        {
            kind = TokenKind.Imaginary;
            c = NextChar();
        }

        Backup(c);
        return MakeToken(kind, start, _pos);
    }
}
