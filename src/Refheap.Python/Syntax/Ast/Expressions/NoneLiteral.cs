namespace Refheap.Python.Syntax.Ast;

/// <summary>3.x's keyword <c>None</c> (in 2.7 <c>None</c> is a <see cref="NameExpression"/>).</summary>
internal sealed class NoneLiteral : Expression
{
    public NoneLiteral(SourceSpan span)
        : base(span)
    {
    }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitNoneLiteral(this);
}
