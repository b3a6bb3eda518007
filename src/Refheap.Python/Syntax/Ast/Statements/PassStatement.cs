namespace Refheap.Python.Syntax.Ast;

/// <summary><c>pass</c>.</summary>
internal sealed class PassStatement : Statement
{
    public PassStatement(SourceSpan span)
        : base(span)
    {
    }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitPassStatement(this);
}
