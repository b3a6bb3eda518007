namespace Refheap.Python.Syntax.Ast;

/// <summary>An arithmetic or bitwise operation <c>left op right</c>.</summary>
internal sealed class BinaryExpression : Expression
{
    public BinaryExpression(BinaryOperator @operator, Expression left, Expression right, SourceSpan span)
        : base(span)
    {
        Operator = @operator;
        Left = left;
        Right = right;
    }

    public BinaryOperator Operator { get; }

    public Expression Left { get; }

    public Expression Right { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitBinary(this);
}
