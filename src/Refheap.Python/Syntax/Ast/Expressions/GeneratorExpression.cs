namespace Refheap.Python.Syntax.Ast;

/// <summary><c>(element for ...)</c>, or the sole argument of a call without its own parentheses: <c>f(x for x in y)</c>.</summary>
internal sealed class GeneratorExpression : Expression
{
    public GeneratorExpression(Expression element, IReadOnlyList<Comprehension> generators, SourceSpan span)
        : base(span)
    {
        Element = element;
        Generators = generators;
    }

    public Expression Element { get; }

    public IReadOnlyList<Comprehension> Generators { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitGenerator(this);
}
