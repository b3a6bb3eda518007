namespace Refheap.Python.Syntax.Ast;

/// <summary><c>context as target</c> in a <c>with</c> statement. Its span runs over both.</summary>
internal sealed class WithItem : Node
{
    public WithItem(Expression context, Expression? target, SourceSpan span)
        : base(span)
    {
        Context = context;
        Target = target;
    }

    public Expression Context { get; }

    public Expression? Target { get; }
}
