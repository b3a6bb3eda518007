namespace Refheap.Python.Syntax.Ast;

/// <summary><c>{element for ...}</c>.</summary>
internal sealed class SetComprehension : Expression
{
    public SetComprehension(Expression element, IReadOnlyList<Comprehension> generators, SourceSpan span)
        : base(span)
    {
        Element = element;
        Generators = generators;
    }

    public Expression Element { get; }

    public IReadOnlyList<Comprehension> Generators { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitSetComprehension(this);
}
