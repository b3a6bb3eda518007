namespace Refheap.Python.Syntax.Ast;

/// <summary>A tuple display <c>a, b</c> or <c>(a, b)</c>; also a tuple target of an assignment. Its span includes the parentheses when there are any.</summary>
internal sealed class TupleExpression : Expression
{
    public TupleExpression(IReadOnlyList<Expression> elements, SourceSpan span)
        : base(span)
    {
        Elements = elements;
    }

    public IReadOnlyList<Expression> Elements { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitTuple(this);
}
