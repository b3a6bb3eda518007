namespace Refheap.Python.Syntax.Ast;

/// <summary><c>a and b and c</c> or <c>a or b</c>: one node per run of the same operator, as CPython's BoolOp.</summary>
internal sealed class BooleanExpression : Expression
{
    public BooleanExpression(BooleanOperator @operator, IReadOnlyList<Expression> values, SourceSpan span)
        : base(span)
    {
        Operator = @operator;
        Values = values;
    }

    public BooleanOperator Operator { get; }

    public IReadOnlyList<Expression> Values { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitBoolean(this);
}
