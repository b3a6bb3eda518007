namespace Refheap.Python.Syntax.Ast;

/// <summary>2.7: <c>`value`</c>, the same as <c>repr(value)</c>.</summary>
internal sealed class ReprExpression : Expression
{
    public ReprExpression(Expression value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    public Expression Value { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitRepr(this);
}
