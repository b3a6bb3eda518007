namespace Refheap.Python.Syntax.Ast;

/// <summary><c>...</c>: anywhere in 3.x, only as a subscript in 2.7 (<c>x[...]</c>).</summary>
internal sealed class EllipsisLiteral : Expression
{
    public EllipsisLiteral(SourceSpan span)
        : base(span)
    {
    }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitEllipsisLiteral(this);
}
