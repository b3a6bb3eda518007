using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Lexing;

namespace Refheap.Python.Syntax.Parsing;

/// <summary>
/// Syntax errors with the attributes each CPython gives them, so that they print the same
/// (see <see cref="PythonSyntaxError.FormatForDisplay"/>).
/// </summary>
internal sealed partial class Parser
{
    private bool Is312 => _dialect.Errors == SyntaxErrorStyle.Cpython312;

    /// <summary>
    /// "invalid syntax" at <paramref name="token"/>, the token that cannot continue the parse:
    /// "unexpected indent" at an indent. 3.12 then reads the rest of the file: a tokenizer
    /// error there (an unterminated string, a bracket never closed before this line) is
    /// reported instead, as CPython's _PyPegen_tokenize_full_source_to_check_for_errors does.
    /// </summary>
    private PythonSyntaxError InvalidSyntax(Token token)
    {
        if (token.Kind == TokenKind.Indent)
        {
            return ErrorAtToken(token, "unexpected indent", "IndentationError");
        }

        if (token.Kind == TokenKind.Dedent)
        {
            return ErrorAtToken(token, "unexpected unindent", "IndentationError");
        }

        return ErrorAtToken(token, "invalid syntax");
    }

    /// <summary>
    /// 3.12: after the parser (not the tokenizer) has found an error, CPython tokenizes the rest
    /// of the file (_PyPegen_tokenize_full_source_to_check_for_errors): a tokenizer error there
    /// — an unterminated string, a stray closing bracket — is reported instead, and so is a
    /// bracket left open on a line before the last one the parser read.
    /// </summary>
    private PythonSyntaxError CheckRestOfFile(PythonSyntaxError error)
    {
        if (_lexerError is not null)
        {
            return _lexerError;
        }

        try
        {
            while (true)
            {
                var token = _lexer.Next();
                if (token.Kind == TokenKind.EndOfFile)
                {
                    var lastRead = _tokens.Count > 0 ? Math.Min(_tokens[^1].Line, _source.LineCount) : error.Line;
                    if (_lexer.OpenBracketCount > 0 && Math.Max(error.Line, lastRead) > _lexer.InnermostBracket.Line)
                    {
                        return UnclosedBracketError();
                    }

                    return error;
                }
            }
        }
        catch (PythonSyntaxError later)
        {
            return later;
        }
    }

    /// <summary>3.12: "'(' was never closed", at the innermost bracket still open at the end of the file.</summary>
    private PythonSyntaxError UnclosedBracketError()
    {
        var bracket = _lexer.InnermostBracket;
        return new PythonSyntaxError(_dialect, "SyntaxError", $"'{bracket.Char}' was never closed", _source.FileName,
            bracket.Line, bracket.Column + 1, bracket.Line, 0, _source.LineWithNewline(bracket.Line));
    }

    /// <summary>
    /// An error at a token: in 3.12 spanning the token (CPython's RAISE_SYNTAX_ERROR at the last
    /// token read); in 2.7 with the caret under its last character, counted in 2.7's line
    /// buffer (<see cref="Token.BufferStart"/>).
    /// </summary>
    private PythonSyntaxError ErrorAtToken(Token token, string message, string type = "SyntaxError")
    {
        if (Is312)
        {
            if (token.Kind == TokenKind.EndOfFile && _source.IsStringInput)
            {
                // A string's tokenizer ends just after the last line's text, or on the empty
                // line after it when the string ends with a newline.
                var lastLine = _source.LineCount + (_source.AddedFinalNewline ? 0 : 1);
                var lastText = _source.LineWithNewline(lastLine);
                return new PythonSyntaxError(_dialect, type, message, _source.FileName, lastLine, lastText.Length + 1, lastLine, -1, lastText);
            }

            if (token.Kind == TokenKind.EndOfFile)
            {
                var last = _source.LineCount;
                return new PythonSyntaxError(_dialect, type, message, _source.FileName, last, 0, last, -1, _source.LineWithNewline(last));
            }

            if (token.Kind is TokenKind.Indent or TokenKind.Dedent)
            {
                var width = token.End - _source.LineStart(token.Line);
                return new PythonSyntaxError(_dialect, type, message, _source.FileName, token.Line, width, token.Line, -1, _source.LineWithNewline(token.Line));
            }

            return ErrorAtSpan(token.Span, message, type);
        }

        if (_source.IsStringInput && token.Start >= _source.Text.Length)
        {
            return StringInputEndError(token, message, type);
        }

        if (token.Start >= _source.Text.Length)
        {
            // 2.7 has read past the last line: an empty text, the caret where that line ended
            // (counting the newline the tokenizer added to an unterminated one).
            var lastLength = _source.LineWithNewline(_source.LineCount).Length + (_source.AddedFinalNewline ? 1 : 0);
            return new PythonSyntaxError(_dialect, type, message, _source.FileName, _source.LineCount + 1, lastLength, null, null, string.Empty);
        }

        var endLine = token.End > token.Start ? _source.LineOf(token.End - 1) : token.Line;
        var bufferEnd = endLine < _source.LineCount ? _source.LineStart(endLine + 1) : _source.Text.Length;
        var bufferStart = Math.Min(token.BufferStart, _source.LineStart(token.Line));
        return new PythonSyntaxError(_dialect, type, message, _source.FileName, endLine, token.End - bufferStart, null, null,
            _source.Text[bufferStart..bufferEnd]);
    }

    /// <summary>
    /// 2.7, a string program (<c>-c</c>) whose parse fails at its end: the tokenizer is still on
    /// the last line, which is the text, with the offset at its end; on line 1 the error
    /// becomes "unexpected EOF while parsing" (parsetok's E_EOF, which it gives only there).
    /// </summary>
    private PythonSyntaxError StringInputEndError(Token token, string message, string type)
    {
        var line = _source.LineCount;
        var bufferStart = Math.Min(token.BufferStart, _source.LineStart(line));
        var text = _source.Text[bufferStart..];
        return line <= 1
            ? new PythonSyntaxError(_dialect, "SyntaxError", "unexpected EOF while parsing", _source.FileName, line, text.Length, null, null, text)
            : new PythonSyntaxError(_dialect, type, message, _source.FileName, line, text.Length, null, null, text);
    }

    /// <summary>3.12: an error over a range (CPython's RAISE_SYNTAX_ERROR_KNOWN_RANGE), shown on the range's first line.</summary>
    private PythonSyntaxError ErrorAtSpan(SourceSpan span, string message, string type = "SyntaxError") =>
        new(_dialect, type, message, _source.FileName, span.Line, span.Column + 1, span.EndLine, span.EndColumn + 1,
            _source.LineWithNewline(span.Line));

    /// <summary>3.12: an error from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    private PythonSyntaxError ErrorAtRange(SourceSpan first, SourceSpan last, string message) =>
        ErrorAtSpan(SourceSpan.Cover(first, last), message);

    /// <summary>
    /// 2.7: an error found while building the tree or compiling (ast.c, symtable.c,
    /// compile.c): the line's text without its indentation, and no caret. CPython reads that
    /// text back from the file (PyErr_ProgramText), so a program from <c>-c</c> or stdin
    /// (<c>&lt;string&gt;</c>, <c>&lt;stdin&gt;</c>) shows none.
    /// </summary>
    private PythonSyntaxError ErrorOnLine27(int line, string message) =>
        new(_dialect, "SyntaxError", message, _source.FileName, line, null, null, null,
            _source.IsPseudoFile ? null : _source.LineWithNewline(line).TrimStart(' ', '\t', '\f'));

    /// <summary>A check CPython makes after parsing: 3.12's error over <paramref name="span"/>, 2.7's on its first line.</summary>
    private PythonSyntaxError LaterError(SourceSpan span, string message312, string message27) =>
        Is312 ? ErrorAtSpan(span, message312) : ErrorOnLine27(span.Line, message27);

    /// <summary>3.12's name for an expression in error messages (_PyPegen_get_expr_name).</summary>
    private static string ExpressionName312(Expression expression) => expression switch
    {
        AttributeExpression => "attribute",
        SubscriptExpression => "subscript",
        StarredExpression => "starred",
        NameExpression => "name",
        ListExpression => "list",
        TupleExpression => "tuple",
        LambdaExpression => "lambda",
        CallExpression => "function call",
        BooleanExpression or BinaryExpression or UnaryExpression => "expression",
        GeneratorExpression => "generator expression",
        YieldExpression or YieldFromExpression => "yield expression",
        AwaitExpression => "await expression",
        ListComprehension => "list comprehension",
        SetComprehension => "set comprehension",
        DictComprehension => "dict comprehension",
        DictExpression => "dict literal",
        SetExpression => "set display",
        FormattedString or FormattedValue => "f-string expression",
        NoneLiteral => "None",
        BooleanLiteral b => b.Value ? "True" : "False",
        EllipsisLiteral => "ellipsis",
        CompareExpression => "comparison",
        ConditionalExpression => "conditional expression",
        NamedExpression => "named expression",
        _ => "literal",
    };

    /// <summary>2.7's name for an expression in "can't assign to ..." (ast.c's set_context).</summary>
    private static string ExpressionName27(Expression expression) => expression switch
    {
        LambdaExpression => "lambda",
        CallExpression => "function call",
        BooleanExpression or BinaryExpression or UnaryExpression => "operator",
        GeneratorExpression => "generator expression",
        YieldExpression => "yield expression",
        ListComprehension => "list comprehension",
        SetComprehension => "set comprehension",
        DictComprehension => "dict comprehension",
        CompareExpression => "comparison",
        ReprExpression => "repr",
        ConditionalExpression => "conditional expression",
        _ => "literal",
    };
}
