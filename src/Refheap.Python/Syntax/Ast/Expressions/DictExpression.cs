namespace Refheap.Python.Syntax.Ast;

/// <summary>A dict display <c>{k: v}</c>. A null key stands for 3.x's <c>**mapping</c> unpacking (reported as unsupported).</summary>
internal sealed class DictExpression : Expression
{
    public DictExpression(IReadOnlyList<Expression?> keys, IReadOnlyList<Expression> values, SourceSpan span)
        : base(span)
    {
        Keys = keys;
        Values = values;
    }

    public IReadOnlyList<Expression?> Keys { get; }

    public IReadOnlyList<Expression> Values { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitDict(this);
}
