namespace Refheap.Python.Syntax.Lexing;

/// <summary>
/// Turns source text into tokens on demand, as CPython's tokenizer does (Parser/tokenizer.c):
/// read <see cref="Next"/> for the main loop, which keeps the indentation stack and the
/// bracket nesting, and the partial files for numbers, strings (and 3.12's f-string modes)
/// and operators.
/// </summary>
/// <remarks>
/// <para>
/// The tokenizer runs lazily, one token per call, because CPython's does: a tokenizer error
/// (an unterminated string, a bad dedent) is reported only when the parser asks for that
/// token, so a parse error on an earlier line wins.
/// </para>
/// <para>
/// Errors carry CPython's attributes for the dialect. 3.12 reports a tokenizer error at a
/// column of the current line; 2.7 reports the offset of its cursor in its line buffer,
/// which holds every line since the last token boundary at a line start (several lines when
/// a triple-quoted string spans them) — <see cref="_bufferStart"/> keeps that boundary and
/// every token records it for the parser's errors.
/// </para>
/// </remarks>
internal sealed partial class Lexer
{
    /// <summary>CPython's tab stops for indentation.</summary>
    private const int TabSize = 8;

    /// <summary>CPython's MAXINDENT.</summary>
    private const int MaxIndentLevels = 100;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly PythonDialect _dialect;
    private readonly List<int> _indents = [0];
    private readonly List<int> _altIndents = [0];
    private readonly List<OpenBracket> _brackets = [];
    private readonly List<FStringFrame> _modes = [];
    private readonly bool _asciiOnly;
    private int _pos;
    private bool _atLineStart = true;
    private int _pendingIndents;
    private int _bufferStart;

    /// <summary>A 2.7 line continuation ran into the end of the text: the line still needs its NEWLINE.</summary>
    private bool _continuedToEnd;

    public Lexer(SourceText source, PythonDialect dialect)
    {
        _source = source;
        _text = source.Text;
        _dialect = dialect;
        _asciiOnly = dialect.NonAsciiSourceNeedsCodingDeclaration && !HasCodingDeclaration(source);
    }

    public SourceText Source => _source;

    public PythonDialect Dialect => _dialect;

    /// <summary>How many brackets are open; the innermost is <see cref="InnermostBracket"/>.</summary>
    public int OpenBracketCount => _brackets.Count;

    public OpenBracket InnermostBracket => _brackets[^1];

    /// <summary>Reads the next token; after the end of the file, keeps returning <see cref="TokenKind.EndOfFile"/>.</summary>
    /// <exception cref="PythonSyntaxError">The tokenizer met an error (CPython's ERRORTOKEN).</exception>
    public Token Next()
    {
        if (_modes.Count > 0 && _modes[^1].ReadsLiteralText)
        {
            return ScanFStringLiteral();
        }

        while (true)
        {
            var blankLine = false;
            if (_atLineStart)
            {
                _atLineStart = false;
                EnterLine(_pos);
                blankLine = ReadIndentation();
            }

            if (_pendingIndents != 0)
            {
                return PendingIndentToken();
            }

            // "again": blanks, a comment, a line continuation, then the token itself.
            while (_pos < _text.Length && IsBlank(_text[_pos]))
            {
                _pos++;
            }

            var start = _pos;
            if (_pos < _text.Length && _text[_pos] == '#')
            {
                while (_text[_pos] != '\n')
                {
                    _pos++;
                }
            }

            if (_pos >= _text.Length)
            {
                var end = new SourceSpan(_source.LineCount + 1, 0, _source.LineCount + 1, 0);
                if (_continuedToEnd && _brackets.Count == 0)
                {
                    // 2.7's parsetok turns the end of a started line into its NEWLINE.
                    _continuedToEnd = false;
                    return new Token(TokenKind.Newline, string.Empty, end, _text.Length, _text.Length) { BufferStart = _bufferStart };
                }

                return new Token(TokenKind.EndOfFile, string.Empty, end, _text.Length, _text.Length) { BufferStart = _bufferStart };
            }

            var c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _atLineStart = true;
                if (blankLine || _brackets.Count > 0)
                {
                    continue;
                }

                return MakeToken(TokenKind.Newline, _pos - 1, _pos, string.Empty);
            }

            start = _pos;
            if (c == '\\')
            {
                ReadLineContinuation();
                continue;
            }

            if (IsAsciiLetter(c) || c == '_' || (c >= 0x80 && _dialect.UnicodeIdentifiers))
            {
                return ScanNameOrPrefixedString(start);
            }

            if (IsDigit(c) || (c == '.' && _pos + 1 < _text.Length && IsDigit(_text[_pos + 1])))
            {
                return ScanNumber(start);
            }

            if (c is '\'' or '"')
            {
                return ScanString(start, StringPrefix.None);
            }

            return ScanOperator(start);
        }
    }

    /// <summary>Positions of the token from <paramref name="start"/> to <paramref name="end"/> (offsets into the text).</summary>
    private Token MakeToken(TokenKind kind, int start, int end, string? text = null, Keyword keyword = Keyword.None) =>
        new(kind, text ?? _text[start..end], SpanOf(start, end), start, end, keyword) { BufferStart = _bufferStart };

    public SourceSpan SpanOf(int start, int end)
    {
        var line = _source.LineOf(start);
        var column = start - _source.LineStart(line);
        if (end <= start)
        {
            return new SourceSpan(line, column, line, column);
        }

        var endLine = _source.LineOf(end - 1);
        var endColumn = end - _source.LineStart(endLine);
        return new SourceSpan(line, column, endLine, endColumn);
    }

    /// <summary>
    /// Reads the blanks at the start of a line and compares their width with the indentation
    /// stack (tabs to the next multiple of 8, a form feed resets the count). Returns whether the
    /// line is blank or only a comment, which leaves the indentation alone.
    /// </summary>
    private bool ReadIndentation()
    {
        int column = 0, altColumn = 0;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == ' ')
            {
                column++;
                altColumn++;
            }
            else if (c == '\t')
            {
                column = ((column / TabSize) + 1) * TabSize;
                altColumn++;
            }
            else if (c == '\f')
            {
                column = altColumn = 0;
            }
            else
            {
                break;
            }

            _pos++;
        }

        var blank = _pos < _text.Length && (_text[_pos] == '#' || _text[_pos] == '\n');
        if (blank || _brackets.Count > 0)
        {
            return blank;
        }

        var top = _indents[^1];
        if (column == top)
        {
            if (altColumn != _altIndents[^1])
            {
                ThrowTabError();
            }
        }
        else if (column > top)
        {
            if (_indents.Count >= MaxIndentLevels)
            {
                throw TokenizerError("too many levels of indentation", "IndentationError");
            }

            if (altColumn <= _altIndents[^1])
            {
                ThrowTabError();
            }

            _pendingIndents++;
            _indents.Add(column);
            _altIndents.Add(altColumn);
        }
        else
        {
            while (_indents.Count > 1 && column < _indents[^1])
            {
                _pendingIndents--;
                _indents.RemoveAt(_indents.Count - 1);
                _altIndents.RemoveAt(_altIndents.Count - 1);
            }

            if (column != _indents[^1])
            {
                throw DedentError();
            }

            if (altColumn != _altIndents[^1])
            {
                ThrowTabError();
            }
        }

        return false;
    }

    private Token PendingIndentToken()
    {
        if (_pendingIndents < 0)
        {
            _pendingIndents++;
            var span = _pos >= _text.Length
                ? new SourceSpan(_source.LineCount + 1, 0, _source.LineCount + 1, 0)
                : SpanOf(_pos, _pos);
            return new Token(TokenKind.Dedent, string.Empty, span, _pos, _pos) { BufferStart = _bufferStart };
        }

        _pendingIndents--;
        return MakeToken(TokenKind.Indent, _source.LineStart(_source.LineOf(_pos)), _pos);
    }

    /// <summary>A backslash joins the next line to this one; anything but a newline after it is an error.</summary>
    private void ReadLineContinuation()
    {
        _pos++;
        if (_text[_pos] != '\n')
        {
            _pos++;
            throw LineContinuationError();
        }

        _pos++;
        _continuedToEnd = _pos >= _text.Length && _dialect.Errors == SyntaxErrorStyle.Cpython27;
        if (_pos >= _text.Length && _dialect.Errors == SyntaxErrorStyle.Cpython312)
        {
            var line = _source.LineCount;
            var text = _source.LineWithNewline(line);
            throw new PythonSyntaxError(_dialect, "SyntaxError", "unexpected EOF while parsing", _source.FileName, line, text.TrimEnd('\n').Length + 1, line, -1, text);
        }

        EnterLine(_pos);
    }

    /// <summary>
    /// The tokenizer starts reading a new physical line at <paramref name="offset"/>. Between
    /// tokens this starts 2.7's line buffer afresh; and 2.7 rejects a non-ASCII line when the
    /// file declares no encoding, at the moment it reads that line.
    /// </summary>
    private void EnterLine(int offset, bool insideToken = false)
    {
        if (!insideToken)
        {
            _bufferStart = offset;
        }

        if (!_asciiOnly || offset >= _text.Length)
        {
            return;
        }

        var end = _text.IndexOf('\n', offset);
        for (var i = offset; i < end; i++)
        {
            if (_text[i] >= 0x80)
            {
                var line = _source.LineOf(offset);
                var firstByte = System.Text.Encoding.UTF8.GetBytes(_text[i].ToString())[0];
                var message = $"Non-ASCII character '\\x{firstByte:x2}' in file {_source.FileName} on line {line}, " +
                    "but no encoding declared; see http://python.org/dev/peps/pep-0263/ for details";
                throw new PythonSyntaxError(_dialect, "SyntaxError", message, _source.FileName, line, null, null, null, null);
            }
        }
    }

    private static bool HasCodingDeclaration(SourceText source)
    {
        for (var line = 1; line <= Math.Min(2, source.LineCount); line++)
        {
            if (SourceEncoding.IsDeclaration(source.LineWithoutNewline(line)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\f';

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetter(int c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    /// <summary>Reads the character under the cursor and moves past it; -1 at the end (CPython's tok_nextc).</summary>
    private int NextChar() => _pos < _text.Length ? _text[_pos++] : -1;

    /// <summary>Steps back over <paramref name="c"/> (CPython's tok_backup; nothing at the end).</summary>
    private void Backup(int c)
    {
        if (c != -1)
        {
            _pos--;
        }
    }

    /// <summary>A bracket the tokenizer has seen opened and not yet closed.</summary>
    internal readonly record struct OpenBracket(char Char, int Line, int Column, int Offset);
}
