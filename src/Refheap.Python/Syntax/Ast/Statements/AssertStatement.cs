namespace Refheap.Python.Syntax.Ast;

/// <summary><c>assert test, message</c>.</summary>
internal sealed class AssertStatement : Statement
{
    public AssertStatement(Expression test, Expression? message, SourceSpan span)
        : base(span)
    {
        Test = test;
        Message = message;
    }

    public Expression Test { get; }

    public Expression? Message { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitAssertStatement(this);
}
