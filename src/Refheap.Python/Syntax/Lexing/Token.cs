namespace Refheap.Python.Syntax.Lexing;

/// <summary>
/// One token with its place in the source. <see cref="Start"/> and <see cref="End"/> are
/// offsets into <see cref="SourceText.Text"/>; <see cref="Span"/> gives lines and columns.
/// </summary>
internal sealed record Token
{
    public Token(TokenKind kind, string text, SourceSpan span, int start, int end, Keyword keyword = Keyword.None)
    {
        Kind = kind;
        Text = text;
        Span = span;
        Start = start;
        End = end;
        Keyword = keyword;
    }

    public TokenKind Kind { get; }

    /// <summary>The token's source text (a string token's prefix and quotes included); empty for layout tokens.</summary>
    public string Text { get; }

    public SourceSpan Span { get; init; }

    public int Start { get; }

    public int End { get; }

    public Keyword Keyword { get; }

    public int Line => Span.Line;

    public int Column => Span.Column;

    /// <summary>For <see cref="TokenKind.String"/> and <see cref="TokenKind.FStringStart"/>: the lexer's reading of the prefix.</summary>
    public StringPrefix Prefix { get; init; }

    /// <summary>For <see cref="TokenKind.String"/>: the length of the prefix, and of each quote run (1 or 3).</summary>
    public int PrefixLength { get; init; }

    public int QuoteLength { get; init; }

    /// <summary>
    /// Where 2.7's line buffer started when this token was read: the start of its line, or of
    /// an earlier line when a multi-line string ended on it. 2.7's syntax errors show the text
    /// from here and count their offset from here.
    /// </summary>
    public int BufferStart { get; init; }

    public override string ToString() => Kind switch
    {
        TokenKind.Name or TokenKind.Integer or TokenKind.Float or TokenKind.Imaginary or TokenKind.String
            or TokenKind.FStringStart or TokenKind.FStringMiddle or TokenKind.FStringEnd or TokenKind.Unknown => $"{Kind} '{Text}' {Span}",
        _ => $"{Kind} {Span}",
    };
}
