namespace Refheap.Python.Syntax.Ast;

/// <summary><c>[element for target in iterable if condition ...]</c>.</summary>
internal sealed class ListComprehension : Expression
{
    public ListComprehension(Expression element, IReadOnlyList<Comprehension> generators, SourceSpan span)
        : base(span)
    {
        Element = element;
        Generators = generators;
    }

    public Expression Element { get; }

    /// <summary>The <c>for</c> clauses, outermost first, each with its <c>if</c>s.</summary>
    public IReadOnlyList<Comprehension> Generators { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitListComprehension(this);
}
