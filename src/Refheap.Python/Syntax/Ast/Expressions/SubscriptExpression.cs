namespace Refheap.Python.Syntax.Ast;

/// <summary><c>value[index]</c>. The index is an expression, a <see cref="SliceExpression"/>, a <see cref="TupleExpression"/> of them (an extended slice <c>x[a:b, c]</c>), or an <see cref="EllipsisLiteral"/>.</summary>
internal sealed class SubscriptExpression : Expression
{
    public SubscriptExpression(Expression value, Expression index, SourceSpan span)
        : base(span)
    {
        Value = value;
        Index = index;
    }

    public Expression Value { get; }

    public Expression Index { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitSubscript(this);
}
