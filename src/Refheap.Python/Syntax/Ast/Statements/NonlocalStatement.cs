namespace Refheap.Python.Syntax.Ast;

/// <summary>3.x: <c>nonlocal a, b</c>.</summary>
internal sealed class NonlocalStatement : Statement
{
    public NonlocalStatement(IReadOnlyList<string> names, SourceSpan span)
        : base(span)
    {
        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitNonlocalStatement(this);
}
