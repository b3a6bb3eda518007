namespace Refheap.Python.Syntax.Ast;

/// <summary>An expression evaluated for its effect: a call, a <c>yield</c>, a docstring.</summary>
internal sealed class ExpressionStatement : Statement
{
    public ExpressionStatement(Expression value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    public Expression Value { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitExpressionStatement(this);
}
