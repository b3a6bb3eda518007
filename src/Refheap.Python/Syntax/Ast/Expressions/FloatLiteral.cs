namespace Refheap.Python.Syntax.Ast;

/// <summary>A float literal: <c>1.5</c>, <c>1e10</c>, <c>.5</c>.</summary>
internal sealed class FloatLiteral : Expression
{
    public FloatLiteral(double value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    public double Value { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitFloatLiteral(this);
}
