namespace Refheap.Python.Syntax.Ast;

/// <summary><c>lower:upper:step</c> inside a subscript; each part may be missing.</summary>
internal sealed class SliceExpression : Expression
{
    public SliceExpression(Expression? lower, Expression? upper, Expression? step, SourceSpan span)
        : base(span)
    {
        Lower = lower;
        Upper = upper;
        Step = step;
    }

    public Expression? Lower { get; }

    public Expression? Upper { get; }

    /// <summary>Null for <c>a:b</c>; 2.7 records <c>a:b:</c> with a step of <c>None</c>.</summary>
    public Expression? Step { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitSlice(this);
}
