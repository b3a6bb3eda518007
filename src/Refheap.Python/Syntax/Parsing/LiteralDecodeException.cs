namespace Refheap.Python.Syntax.Parsing;

/// <summary>
/// A string literal whose escapes do not decode. The parser turns it into the dialect's
/// syntax error (or, for <c>\N{...}</c>, an unsupported construct).
/// </summary>
internal sealed class LiteralDecodeException : Exception
{
    public LiteralDecodeException(string? errorType, string message, bool unsupported = false)
        : base(message)
    {
        ErrorType = errorType;
        IsUnsupported = unsupported;
    }

    /// <summary>2.7's <c>ValueError</c> for a bad <c>\x</c> in a byte string; null for a SyntaxError.</summary>
    public string? ErrorType { get; }

    /// <summary>The literal is valid but uses an escape Refheap does not decode; the message names it.</summary>
    public bool IsUnsupported { get; }
}
