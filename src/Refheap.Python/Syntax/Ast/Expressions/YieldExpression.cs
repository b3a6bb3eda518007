namespace Refheap.Python.Syntax.Ast;

/// <summary><c>yield</c> or <c>yield value</c>.</summary>
internal sealed class YieldExpression : Expression
{
    public YieldExpression(Expression? value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    public Expression? Value { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitYield(this);
}
