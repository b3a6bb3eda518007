namespace Refheap.Python.Syntax.Ast;

/// <summary>An imaginary literal <c>1j</c>; Refheap has no complex numbers, so the parser reports it as unsupported.</summary>
internal sealed class ImaginaryLiteral : Expression
{
    public ImaginaryLiteral(double value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    /// <summary>The imaginary part.</summary>
    public double Value { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitImaginaryLiteral(this);
}
