namespace Refheap.Python.Syntax.Ast;

/// <summary>A list display <c>[a, b]</c>; also a list target of an assignment.</summary>
internal sealed class ListExpression : Expression
{
    public ListExpression(IReadOnlyList<Expression> elements, SourceSpan span)
        : base(span)
    {
        Elements = elements;
    }

    public IReadOnlyList<Expression> Elements { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitList(this);
}
