namespace Refheap.Python.Syntax.Ast;

/// <summary>An expression node.</summary>
internal abstract class Expression : Node
{
    protected Expression(SourceSpan span)
        : base(span)
    {
    }

    public abstract TResult Accept<TResult>(IExpressionVisitor<TResult> visitor);
}
