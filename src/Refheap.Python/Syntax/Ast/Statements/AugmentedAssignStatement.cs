namespace Refheap.Python.Syntax.Ast;

/// <summary><c>target op= value</c>; the target is a name, an attribute or a subscript.</summary>
internal sealed class AugmentedAssignStatement : Statement
{
    public AugmentedAssignStatement(Expression target, BinaryOperator @operator, Expression value, SourceSpan span)
        : base(span)
    {
        Target = target;
        Operator = @operator;
        Value = value;
    }

    public Expression Target { get; }

    public BinaryOperator Operator { get; }

    public Expression Value { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitAugmentedAssignStatement(this);
}
