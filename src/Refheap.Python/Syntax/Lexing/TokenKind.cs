namespace Refheap.Python.Syntax.Lexing;

/// <summary>
/// The kinds of token CPython's tokenizer produces (Include/token.h), one member per operator
/// so that the parser switches on kinds, never on text.
/// </summary>
internal enum TokenKind
{
    EndOfFile,
    Newline,
    Indent,
    Dedent,

    /// <summary>An identifier or keyword; <see cref="Token.Keyword"/> tells which keyword, if any.</summary>
    Name,

    /// <summary>An integer literal, including 2.7's <c>10L</c> and <c>0777</c>.</summary>
    Integer,
    Float,

    /// <summary><c>1j</c>: lexed so that the parser can name it as unsupported.</summary>
    Imaginary,

    /// <summary>A whole string or bytes literal, prefix and quotes included.</summary>
    String,

    /// <summary>3.12 (PEP 701): an f-string's prefix and opening quote.</summary>
    FStringStart,

    /// <summary>3.12: literal text of an f-string (or of a format spec), escapes undecoded.</summary>
    FStringMiddle,

    /// <summary>3.12: an f-string's closing quote.</summary>
    FStringEnd,

    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Colon,
    Comma,
    Semicolon,
    Plus,
    Minus,
    Star,
    Slash,
    VerticalBar,
    Ampersand,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqualEqual,

    /// <summary><c>!=</c>, and 2.7's <c>&lt;&gt;</c>.</summary>
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmpersandEqual,
    VerticalBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RightArrow,
    Ellipsis,
    ColonEqual,

    /// <summary>3.12: <c>!</c> before an f-string conversion (<c>{x!r}</c>).</summary>
    Exclamation,

    /// <summary>2.7: <c>`</c>, around a repr.</summary>
    Backquote,

    /// <summary>
    /// A character that starts no token (<c>$</c>, <c>?</c>, a backquote in 3.x, <c>&lt;&gt;</c>
    /// in 3.x): the parser accepts it nowhere, so it becomes "invalid syntax" at this token.
    /// </summary>
    Unknown,
}
