namespace Refheap.Python.Syntax.Ast;

/// <summary><c>import a.b as c, d</c>.</summary>
internal sealed class ImportStatement : Statement
{
    public ImportStatement(IReadOnlyList<ImportAlias> names, SourceSpan span)
        : base(span)
    {
        Names = names;
    }

    public IReadOnlyList<ImportAlias> Names { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitImportStatement(this);
}
