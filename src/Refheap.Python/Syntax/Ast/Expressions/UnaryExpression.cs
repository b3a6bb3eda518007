namespace Refheap.Python.Syntax.Ast;

/// <summary><c>-x</c>, <c>+x</c>, <c>~x</c>, <c>not x</c>.</summary>
internal sealed class UnaryExpression : Expression
{
    public UnaryExpression(UnaryOperator @operator, Expression operand, SourceSpan span)
        : base(span)
    {
        Operator = @operator;
        Operand = operand;
    }

    public UnaryOperator Operator { get; }

    public Expression Operand { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitUnary(this);
}
