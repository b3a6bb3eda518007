namespace Refheap.Python.Syntax.Ast;

/// <summary><c>continue</c>.</summary>
internal sealed class ContinueStatement : Statement
{
    public ContinueStatement(SourceSpan span)
        : base(span)
    {
    }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitContinueStatement(this);
}
