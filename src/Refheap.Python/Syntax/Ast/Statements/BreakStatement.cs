namespace Refheap.Python.Syntax.Ast;

/// <summary><c>break</c>.</summary>
internal sealed class BreakStatement : Statement
{
    public BreakStatement(SourceSpan span)
        : base(span)
    {
    }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitBreakStatement(this);
}
