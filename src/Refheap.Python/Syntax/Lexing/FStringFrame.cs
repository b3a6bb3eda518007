namespace Refheap.Python.Syntax.Lexing;

/// <summary>
/// One level of 3.12's f-string tokenizer modes (PEP 701). An f-string frame reads literal
/// text up to its closing quote; a replacement-field frame above it reads ordinary tokens
/// until its <c>}</c>, then (after a top-level <c>:</c>) the literal text of a format spec.
/// </summary>
internal sealed class FStringFrame
{
    private FStringFrame(bool isField)
    {
        IsField = isField;
    }

    public bool IsField { get; }

    /// <summary>f-string: the quote character and how many of it close the string (1 or 3).</summary>
    public char Quote { get; private init; }

    public int QuoteLength { get; private init; }

    /// <summary>f-string: an <c>rf</c> prefix; backslashes are kept.</summary>
    public bool Raw { get; private init; }

    /// <summary>f-string: the offset of the prefix, where an unterminated-string error points.</summary>
    public int Start { get; private init; }

    /// <summary>Field: the number of open brackets once its own <c>{</c> is open.</summary>
    public int BracketDepth { get; private init; }

    /// <summary>Field: a top-level <c>:</c> was read, so a format spec is being read.</summary>
    public bool InFormatSpec { get; set; }

    /// <summary>Whether the tokenizer reads literal text in this mode (an f-string's own text or a format spec).</summary>
    public bool ReadsLiteralText => !IsField || InFormatSpec;

    public static FStringFrame ForString(char quote, int quoteLength, bool raw, int start) =>
        new(isField: false) { Quote = quote, QuoteLength = quoteLength, Raw = raw, Start = start };

    public static FStringFrame ForField(int bracketDepth) => new(isField: true) { BracketDepth = bracketDepth };
}
