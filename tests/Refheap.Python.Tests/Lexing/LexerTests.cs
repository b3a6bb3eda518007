using Refheap.Python.Syntax;
using Refheap.Python.Syntax.Lexing;

namespace Refheap.Python.Tests.Lexing;

/// <summary>The tokens of tricky inputs, in both dialects (positions are 1-based lines, 0-based columns).</summary>
public sealed class LexerTests
{
    /// <summary>Every token up to the end: layout tokens by kind, others as kind:text.</summary>
    private static string Tokens(string source, PythonDialect dialect)
    {
        var lexer = new Lexer(new SourceText(source, "x.py"), dialect);
        var parts = new List<string>();
        while (true)
        {
            var token = lexer.Next();
            parts.Add(token.Kind switch
            {
                TokenKind.Name when token.Keyword != Keyword.None => "kw:" + token.Text,
                TokenKind.Name or TokenKind.Integer or TokenKind.Float or TokenKind.Imaginary or TokenKind.String
                    or TokenKind.FStringStart or TokenKind.FStringMiddle or TokenKind.FStringEnd or TokenKind.Unknown => $"{token.Kind}:{token.Text}",
                _ => token.Kind.ToString(),
            });
            if (token.Kind == TokenKind.EndOfFile)
            {
                return string.Join(" ", parts);
            }
        }
    }

    private static List<Token> All(string source, PythonDialect dialect)
    {
        var lexer = new Lexer(new SourceText(source, "x.py"), dialect);
        var tokens = new List<Token>();
        do
        {
            tokens.Add(lexer.Next());
        }
        while (tokens[^1].Kind != TokenKind.EndOfFile);
        return tokens;
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void Indentation_makes_indent_and_dedent_tokens(string profile)
    {
        const string source = "if a:\n    b\n    if c:\n        d\ne\n";
        Assert.Equal(
            "kw:if Name:a Colon Newline Indent Name:b Newline kw:if Name:c Colon Newline Indent Name:d Newline Dedent Dedent Name:e Newline EndOfFile",
            Tokens(source, Py.Dialect(profile)));
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void Blank_and_comment_lines_leave_the_indentation_alone(string profile)
    {
        const string source = "if a:\n\n  # a comment at another column\n\tb\n        # deeper\n\tc\n";
        Assert.Equal(
            "kw:if Name:a Colon Newline Indent Name:b Newline Name:c Newline Dedent EndOfFile",
            Tokens(source, Py.Dialect(profile)));
    }

    [Fact]
    public void A_tab_counts_to_the_next_multiple_of_eight_in_2_7()
    {
        // Eight spaces and one tab are the same indentation for 2.7 (without -t).
        const string source = "if a:\n        b\n\tc\n";
        Assert.Equal("kw:if Name:a Colon Newline Indent Name:b Newline Name:c Newline Dedent EndOfFile", Tokens(source, PythonDialect.Py27));
        var error = Assert.Throws<PythonSyntaxError>(() => Tokens(source, PythonDialect.Py312));
        Assert.Equal("TabError", error.ErrorType);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void A_dedent_to_no_outer_level_is_an_indentation_error(string profile)
    {
        var error = Assert.Throws<PythonSyntaxError>(() => Tokens("if a:\n    b\n  c\n", Py.Dialect(profile)));
        Assert.Equal("IndentationError", error.ErrorType);
        Assert.Equal("unindent does not match any outer indentation level", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void Brackets_and_backslashes_join_lines(string profile)
    {
        const string source = "x = (1,\n  2) + [\n3\n] + \\\n  4\n";
        Assert.Equal(
            "Name:x Equal LeftParen Integer:1 Comma Integer:2 RightParen Plus LeftBracket Integer:3 RightBracket Plus Integer:4 Newline EndOfFile",
            Tokens(source, Py.Dialect(profile)));
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void A_file_without_a_final_newline_still_ends_its_line_and_blocks(string profile)
    {
        Assert.Equal("kw:if Name:a Colon Newline Indent Name:b Newline Dedent EndOfFile", Tokens("if a:\n  b", Py.Dialect(profile)));
        Assert.Equal("EndOfFile", Tokens("", Py.Dialect(profile)));
        Assert.Equal("EndOfFile", Tokens("# only a comment", Py.Dialect(profile)));
    }

    [Fact]
    public void Line_endings_are_normalized()
    {
        Assert.Equal("Name:a Newline Name:b Newline Name:c Newline EndOfFile", Tokens("a\r\nb\rc\n", PythonDialect.Py312));
    }

    [Theory]
    [InlineData("42 0 00 0x1F 0XaB 0o17 0O7 0b101 0B1", "Integer:42 Integer:0 Integer:00 Integer:0x1F Integer:0XaB Integer:0o17 Integer:0O7 Integer:0b101 Integer:0B1")]
    [InlineData("1_000 0x_ff 0b_1 1_0.5_0 1e1_0", "Integer:1_000 Integer:0x_ff Integer:0b_1 Float:1_0.5_0 Float:1e1_0")]
    [InlineData("1.5 .5 1. 1e10 1E-5 1.5e+3 00.5 0e0", "Float:1.5 Float:.5 Float:1. Float:1e10 Float:1E-5 Float:1.5e+3 Float:00.5 Float:0e0")]
    [InlineData("1j 1.5J 0j 1e3j", "Imaginary:1j Imaginary:1.5J Imaginary:0j Imaginary:1e3j")]
    [InlineData("1if x else 2", "Integer:1 kw:if Name:x kw:else Integer:2")]
    [InlineData("x.real 1..real", "Name:x Dot Name:real Float:1. Dot Name:real")]
    public void Numbers_in_3_12(string source, string tokens)
    {
        Assert.Equal(tokens + " Newline EndOfFile", Tokens(source, PythonDialect.Py312));
    }

    [Theory]
    [InlineData("42 0777 0 00 10L 0xffL 0777L 1l", "Integer:42 Integer:0777 Integer:0 Integer:00 Integer:10L Integer:0xffL Integer:0777L Integer:1l")]
    [InlineData("09.5 0e5 1.5 .5 1j 09j", "Float:09.5 Float:0e5 Float:1.5 Float:.5 Imaginary:1j Imaginary:09j")]
    [InlineData("1_000", "Integer:1 Name:_000")]
    [InlineData("1e5L", "Float:1e5 Name:L")]
    public void Numbers_in_2_7(string source, string tokens)
    {
        Assert.Equal(tokens + " Newline EndOfFile", Tokens(source, PythonDialect.Py27));
    }

    [Theory]
    [InlineData("py312", "x = 10L", "invalid decimal literal", 6)]
    [InlineData("py312", "x = 0777", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 5)]
    [InlineData("py312", "x = 0b12", "invalid digit '2' in binary literal", 8)]
    [InlineData("py312", "x = 1__0", "invalid decimal literal", 6)]
    [InlineData("py27", "x = 08", "invalid token", 6)]
    [InlineData("py27", "x = 0x", "invalid token", 6)]
    public void Malformed_numbers_fail_where_CPython_fails(string profile, string source, string message, int offset)
    {
        var error = Assert.Throws<PythonSyntaxError>(() => Tokens(source, Py.Dialect(profile)));
        Assert.Equal(message, error.Message);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData("'a' \"b\" '''c''' \"\"\"d\"\"\"", "String:'a' String:\"b\" String:'''c''' String:\"\"\"d\"\"\"")]
    [InlineData("r'a' b'b' u'c' R'd' B\"e\" U'f'", "String:r'a' String:b'b' String:u'c' String:R'd' String:B\"e\" String:U'f'")]
    [InlineData("br'a' rb'b' Rb'c' bR'd'", "String:br'a' String:rb'b' String:Rb'c' String:bR'd'")]
    [InlineData("'it\\'s' \"a\\\"b\" 'back\\\\'", "String:'it\\'s' String:\"a\\\"b\" String:'back\\\\'")]
    [InlineData("'''a ' '' b'''", "String:'''a ' '' b'''")]
    [InlineData("'' \"\" ''''''", "String:'' String:\"\" String:''''''")]
    [InlineData("ur'x'", "Name:ur String:'x'")]
    public void Strings_in_3_12(string source, string tokens)
    {
        Assert.Equal(tokens + " Newline EndOfFile", Tokens(source, PythonDialect.Py312));
    }

    [Theory]
    [InlineData("ur'a' UR\"b\" br'c' u'd'", "String:ur'a' String:UR\"b\" String:br'c' String:u'd'")]
    [InlineData("rb'a'", "Name:rb String:'a'")]
    [InlineData("f'a'", "Name:f String:'a'")]
    public void Strings_in_2_7(string source, string tokens)
    {
        Assert.Equal(tokens + " Newline EndOfFile", Tokens(source, PythonDialect.Py27));
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void A_string_continues_over_a_backslash_newline_and_a_triple_quoted_one_over_lines(string profile)
    {
        var tokens = All("x = 'a\\\nb' + '''c\nd'''\ny\n", Py.Dialect(profile));
        Assert.Equal("'a\\\nb'", tokens[2].Text);
        Assert.Equal(new SourceSpan(1, 4, 2, 2), tokens[2].Span);
        Assert.Equal(new SourceSpan(2, 5, 3, 4), tokens[4].Span);
        Assert.Equal("y", tokens[6].Text);
        Assert.Equal(4, tokens[6].Line);
    }

    [Fact]
    public void Operators_in_3_12()
    {
        Assert.Equal(
            "Plus Minus DoubleStar Star DoubleSlash Slash Percent At LeftShift RightShift Ampersand VerticalBar Circumflex Tilde ColonEqual "
            + "Less Greater LessEqual GreaterEqual EqualEqual NotEqual RightArrow Ellipsis Dot "
            + "PlusEqual MinusEqual StarEqual SlashEqual DoubleSlashEqual PercentEqual AtEqual AmpersandEqual VerticalBarEqual CircumflexEqual "
            + "LeftShiftEqual RightShiftEqual DoubleStarEqual Exclamation Unknown:<> Unknown:` Unknown:$ Unknown:? Newline EndOfFile",
            Tokens("+ - ** * // / % @ << >> & | ^ ~ := < > <= >= == != -> ... . += -= *= /= //= %= @= &= |= ^= <<= >>= **= ! <> ` $ ?", PythonDialect.Py312));
    }

    [Fact]
    public void Operators_in_2_7()
    {
        // No ->, :=, ..., @= or !: they are several tokens (or none) in 2.7.
        Assert.Equal(
            "NotEqual Backquote Minus Greater Colon Equal Dot Dot Dot At Equal Unknown:! At Newline EndOfFile",
            Tokens("<> ` -> := ... @= ! @", PythonDialect.Py27));
    }

    [Theory]
    [InlineData("py27", "print exec nonlocal True None async", "kw:print kw:exec Name:nonlocal Name:True Name:None Name:async")]
    [InlineData("py312", "print exec nonlocal True None async await", "Name:print Name:exec kw:nonlocal kw:True kw:None kw:async kw:await")]
    [InlineData("py312", "match case type _", "Name:match Name:case Name:type Name:_")]
    public void Keywords_depend_on_the_dialect(string profile, string source, string tokens)
    {
        Assert.Equal(tokens + " Newline EndOfFile", Tokens(source, Py.Dialect(profile)));
    }

    [Fact]
    public void Names_may_be_non_ASCII_in_3_12()
    {
        Assert.Equal("Name:café Equal Name:π Newline EndOfFile", Tokens("café = π", PythonDialect.Py312));
        var error = Assert.Throws<PythonSyntaxError>(() => Tokens("x€ = 1", PythonDialect.Py312));
        Assert.Equal("invalid character '€' (U+20AC)", error.Message);
    }

    [Fact]
    public void An_f_string_is_read_in_modes()
    {
        Assert.Equal(
            "Name:x Equal FStringStart:f\" FStringMiddle:a{{ LeftBrace Name:b RightBrace FStringMiddle:c LeftBrace Name:d Exclamation Name:r Colon FStringMiddle:>"
            + " LeftBrace Name:w RightBrace RightBrace FStringEnd:\" Newline EndOfFile",
            Tokens("x = f\"a{{{b}c{d!r:>{w}}\"", PythonDialect.Py312));
    }

    [Fact]
    public void An_f_string_field_may_hold_its_own_quotes_and_nested_f_strings()
    {
        Assert.Equal(
            "FStringStart:f\" LeftBrace Name:a LeftBracket String:\"k\" RightBracket RightBrace FStringMiddle: LeftBrace FStringStart:f\" LeftBrace Name:b RightBrace FStringEnd:\" RightBrace FStringEnd:\" Newline EndOfFile",
            Tokens("f\"{a[\"k\"]} {f\"{b}\"}\"", PythonDialect.Py312).Replace("FStringMiddle:  ", "FStringMiddle: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Inside_an_f_string_field_only_a_top_level_colon_starts_the_spec()
    {
        Assert.Equal(
            "FStringStart:f' LeftBrace Name:d LeftBracket Integer:1 Colon Integer:2 RightBracket Colon FStringMiddle:x RightBrace FStringEnd:' Newline EndOfFile",
            Tokens("f'{d[1:2]:x}'", PythonDialect.Py312));
        Assert.Equal(
            "FStringStart:f' LeftBrace Name:a NotEqual Name:b RightBrace FStringEnd:' Newline EndOfFile",
            Tokens("f'{a!=b}'", PythonDialect.Py312));
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void Every_token_knows_its_place(string profile)
    {
        const string source = "def f(a):\n    return a  # c\n";
        var spans = All(source, Py.Dialect(profile)).Select(t => $"{t.Kind}@{t.Span}");
        Assert.Equal(
            [
                "Name@1:0-1:3", "Name@1:4-1:5", "LeftParen@1:5-1:6", "Name@1:6-1:7", "RightParen@1:7-1:8", "Colon@1:8-1:9", "Newline@1:9-1:10",
                "Indent@2:0-2:4", "Name@2:4-2:10", "Name@2:11-2:12", "Newline@2:17-2:18", "Dedent@3:0-3:0", "EndOfFile@3:0-3:0",
            ],
            spans);
    }

    [Theory]
    [InlineData("py27", "s = 'abc", "EOL while scanning string literal")]
    [InlineData("py312", "s = 'abc", "unterminated string literal (detected at line 1)")]
    [InlineData("py27", "s = '''abc\n", "EOF while scanning triple-quoted string literal")]
    [InlineData("py312", "s = '''abc\n", "unterminated triple-quoted string literal (detected at line 1)")]
    [InlineData("py312", "s = f'abc", "unterminated f-string literal (detected at line 1)")]
    [InlineData("py312", "x = 1)", "unmatched ')'")]
    [InlineData("py312", "x = (1]", "closing parenthesis ']' does not match opening parenthesis '('")]
    [InlineData("py312", "x = (1,\n2]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1")]
    [InlineData("py27", "x = 1 \\ 2", "unexpected character after line continuation character")]
    [InlineData("py312", "x = 1 \\ 2", "unexpected character after line continuation character")]
    public void Tokenizer_errors(string profile, string source, string message)
    {
        var error = Assert.Throws<PythonSyntaxError>(() => Tokens(source, Py.Dialect(profile)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_non_ASCII_line_without_a_coding_declaration_is_an_error_in_2_7_when_it_is_read()
    {
        var error = Assert.Throws<PythonSyntaxError>(() => Tokens("x = 1\ny = 'é'\n", PythonDialect.Py27));
        Assert.Equal(2, error.Line);
        Assert.StartsWith("Non-ASCII character '\\xc3' in file x.py on line 2", error.Message, StringComparison.Ordinal);
        Assert.Equal("Name:y Equal String:'é' Newline EndOfFile", Tokens("# coding: utf-8\ny = 'é'\n", PythonDialect.Py27));
    }
}
