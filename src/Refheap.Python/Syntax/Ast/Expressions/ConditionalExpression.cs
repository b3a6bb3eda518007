namespace Refheap.Python.Syntax.Ast;

/// <summary><c>body if test else orElse</c>.</summary>
internal sealed class ConditionalExpression : Expression
{
    public ConditionalExpression(Expression test, Expression body, Expression orElse, SourceSpan span)
        : base(span)
    {
        Test = test;
        Body = body;
        OrElse = orElse;
    }

    public Expression Test { get; }

    public Expression Body { get; }

    public Expression OrElse { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitConditional(this);
}
