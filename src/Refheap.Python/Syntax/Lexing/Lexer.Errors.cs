namespace Refheap.Python.Syntax.Lexing;

/// <summary>Tokenizer errors, with the attributes each CPython gives them.</summary>
internal sealed partial class Lexer
{
    /// <summary>
    /// An error at the cursor: 3.12's <c>syntaxerror(tok, ...)</c> (the column of the cursor,
    /// the line without its newline) or 2.7's E_TOKEN-style error (the cursor's offset in the
    /// line buffer).
    /// </summary>
    private PythonSyntaxError TokenizerError(string message, string type = "SyntaxError") =>
        _dialect.Errors == SyntaxErrorStyle.Cpython27 ? Error27(message, _pos, type) : Error312AtCursor(message, type);

    private PythonSyntaxError Error312AtCursor(string message, string type = "SyntaxError")
    {
        var line = _source.LineOf(Math.Min(_pos, _text.Length - 1));
        var offset = _pos - _source.LineStart(line);
        return Error312(message, line, offset, offset, type);
    }

    /// <summary>A 3.12 tokenizer error on <paramref name="line"/>, with 1-based offsets.</summary>
    public PythonSyntaxError Error312(string message, int line, int offset, int endOffset, string type = "SyntaxError", bool withNewline = false) =>
        new(_dialect, type, message, _source.FileName, line, offset, line, endOffset,
            withNewline ? _source.LineWithNewline(line) : _source.LineWithoutNewline(line));

    /// <summary>A 2.7 tokenizer error with the cursor at <paramref name="cursor"/>: the buffer's text up to the end of the cursor's line.</summary>
    private PythonSyntaxError Error27(string message, int cursor, string type = "SyntaxError")
    {
        var line = _source.LineOf(Math.Max(_bufferStart, Math.Min(cursor > _bufferStart ? cursor - 1 : cursor, _text.Length - 1)));
        var bufferEnd = line < _source.LineCount ? _source.LineStart(line + 1) : _text.Length;
        return new PythonSyntaxError(_dialect, type, message, _source.FileName, line, cursor - _bufferStart, null, null, _text[_bufferStart..bufferEnd]);
    }

    private void ThrowTabError()
    {
        if (!_dialect.InconsistentTabsAreErrors)
        {
            return;
        }

        var line = _source.LineOf(_pos);
        throw Error312("inconsistent use of tabs and spaces in indentation", line, 1, 0, "TabError", withNewline: true);
    }

    /// <summary>A dedent to a column that no enclosing block uses.</summary>
    private PythonSyntaxError DedentError()
    {
        const string message = "unindent does not match any outer indentation level";
        var line = _source.LineOf(_pos);
        var text = _source.LineWithNewline(line);
        if (_dialect.Errors == SyntaxErrorStyle.Cpython27)
        {
            return Error27(message, _source.LineStart(line) + text.Length, "IndentationError");
        }

        return Error312(message, line, text.TrimEnd('\n').Length + 1, -1, "IndentationError", withNewline: true);
    }

    /// <summary>A backslash followed by something other than a newline; the cursor is past that character.</summary>
    private PythonSyntaxError LineContinuationError()
    {
        const string message = "unexpected character after line continuation character";
        var line = _source.LineOf(_pos - 1);
        if (_dialect.Errors == SyntaxErrorStyle.Cpython27)
        {
            return Error27(message, _source.LineStart(line) + _source.LineWithNewline(line).Length);
        }

        return Error312(message, line, _pos - _source.LineStart(line), 0, withNewline: true);
    }
}
