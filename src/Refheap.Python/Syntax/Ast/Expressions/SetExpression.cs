namespace Refheap.Python.Syntax.Ast;

/// <summary>A set display <c>{a, b}</c>.</summary>
internal sealed class SetExpression : Expression
{
    public SetExpression(IReadOnlyList<Expression> elements, SourceSpan span)
        : base(span)
    {
        Elements = elements;
    }

    public IReadOnlyList<Expression> Elements { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitSet(this);
}
