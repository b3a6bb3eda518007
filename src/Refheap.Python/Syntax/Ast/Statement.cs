namespace Refheap.Python.Syntax.Ast;

/// <summary>A statement node.</summary>
internal abstract class Statement : Node
{
    protected Statement(SourceSpan span)
        : base(span)
    {
    }

    public abstract TResult Accept<TResult>(IStatementVisitor<TResult> visitor);
}
