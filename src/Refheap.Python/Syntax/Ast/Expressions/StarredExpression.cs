namespace Refheap.Python.Syntax.Ast;

/// <summary><c>*value</c>: an unpacking target (<c>a, *rest = x</c>), a call's <c>*args</c>, or (3.x, reported as unsupported) an unpacking inside a display.</summary>
internal sealed class StarredExpression : Expression
{
    public StarredExpression(Expression value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    public Expression Value { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitStarred(this);
}
