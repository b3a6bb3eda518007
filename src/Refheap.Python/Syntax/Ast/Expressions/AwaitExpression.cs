namespace Refheap.Python.Syntax.Ast;

/// <summary>3.x: <c>await value</c> (reported as unsupported).</summary>
internal sealed class AwaitExpression : Expression
{
    public AwaitExpression(Expression value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    public Expression Value { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitAwait(this);
}
