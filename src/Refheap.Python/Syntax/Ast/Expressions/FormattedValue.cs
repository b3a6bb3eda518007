namespace Refheap.Python.Syntax.Ast;

/// <summary>A replacement field <c>{value!r:spec}</c> of an f-string.</summary>
internal sealed class FormattedValue : Expression
{
    public FormattedValue(Expression value, char? conversion, FormattedString? formatSpec, SourceSpan span)
        : base(span)
    {
        Value = value;
        Conversion = conversion;
        FormatSpec = formatSpec;
    }

    public Expression Value { get; }

    /// <summary><c>s</c>, <c>r</c> or <c>a</c>; null when none is given.</summary>
    public char? Conversion { get; }

    /// <summary>The format spec, itself an f-string (it may hold fields); null when none is given.</summary>
    public FormattedString? FormatSpec { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitFormattedValue(this);
}
