namespace Refheap.Python.Syntax.Ast;

/// <summary><c>global a, b</c>.</summary>
internal sealed class GlobalStatement : Statement
{
    public GlobalStatement(IReadOnlyList<string> names, SourceSpan span)
        : base(span)
    {
        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitGlobalStatement(this);
}
