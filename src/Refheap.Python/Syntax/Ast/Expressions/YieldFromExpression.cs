namespace Refheap.Python.Syntax.Ast;

/// <summary>3.x: <c>yield from value</c>.</summary>
internal sealed class YieldFromExpression : Expression
{
    public YieldFromExpression(Expression value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    public Expression Value { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitYieldFrom(this);
}
