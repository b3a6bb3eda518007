namespace Refheap.Python;

/// <summary>Whose parser a syntax error imitates: its message, the token it points at, its caret.</summary>
public enum SyntaxErrorStyle
{
    /// <summary>
    /// CPython 2.7's LL(1) parser: "invalid syntax" at the first token that cannot continue the
    /// parse, the caret under that token's last character; errors found while building the
    /// tree ("can't assign to literal") carry no caret.
    /// </summary>
    Cpython27,

    /// <summary>
    /// CPython 3.12's PEG parser: specific messages for common mistakes ("expected ':'",
    /// "'(' was never closed"), carets spanning the offending range.
    /// </summary>
    Cpython312,
}
