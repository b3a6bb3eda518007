namespace Refheap.Python.Syntax.Ast;

/// <summary>A string or bytes literal, adjacent literals already joined (<c>"a" "b"</c>) and escapes decoded.</summary>
internal sealed class StringLiteral : Expression
{
    public StringLiteral(string value, StringKind kind, SourceSpan span)
        : base(span)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The text; for <see cref="StringKind.Bytes"/> and 2.7's <see cref="StringKind.Str"/>, one char per byte (0-255).</summary>
    public string Value { get; }

    public StringKind Kind { get; }

    /// <summary>
    /// The line 2.7 gives this literal: where its first token ends (2.7's tokenizer numbers a
    /// string token by its last line). 2.7 reports that line for an expression or statement
    /// that starts with the literal — a docstring, <c>"""...""" % args</c> — where 3.x reports
    /// the first line.
    /// </summary>
    public int LegacyLine { get; init; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitStringLiteral(this);
}
