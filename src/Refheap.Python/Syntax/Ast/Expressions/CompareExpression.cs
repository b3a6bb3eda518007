namespace Refheap.Python.Syntax.Ast;

/// <summary>A comparison, chained as written: <c>a &lt; b &lt;= c</c> has two operators and two comparators.</summary>
internal sealed class CompareExpression : Expression
{
    public CompareExpression(Expression left, IReadOnlyList<ComparisonOperator> operators, IReadOnlyList<Expression> comparators, SourceSpan span)
        : base(span)
    {
        Left = left;
        Operators = operators;
        Comparators = comparators;
    }

    public Expression Left { get; }

    public IReadOnlyList<ComparisonOperator> Operators { get; }

    public IReadOnlyList<Expression> Comparators { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitCompare(this);
}
