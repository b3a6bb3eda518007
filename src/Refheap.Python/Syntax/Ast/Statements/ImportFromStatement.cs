namespace Refheap.Python.Syntax.Ast;

/// <summary><c>from ..module import a as b, c</c> or <c>from module import *</c> (one alias named <c>*</c>).</summary>
internal sealed class ImportFromStatement : Statement
{
    public ImportFromStatement(string? module, IReadOnlyList<ImportAlias> names, int level, SourceSpan span)
        : base(span)
    {
        Module = module;
        Names = names;
        Level = level;
    }

    /// <summary>The dotted module name; null for <c>from . import x</c>.</summary>
    public string? Module { get; }

    public IReadOnlyList<ImportAlias> Names { get; }

    /// <summary>The number of leading dots.</summary>
    public int Level { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitImportFromStatement(this);
}
