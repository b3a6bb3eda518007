namespace Refheap.Python.Syntax.Ast;

/// <summary><c>return</c> or <c>return value</c>.</summary>
internal sealed class ReturnStatement : Statement
{
    public ReturnStatement(Expression? value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    public Expression? Value { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitReturnStatement(this);
}
