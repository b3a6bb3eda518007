namespace Refheap.Python.Syntax.Ast;

/// <summary>3.8+: <c>(target := value)</c>.</summary>
internal sealed class NamedExpression : Expression
{
    public NamedExpression(NameExpression target, Expression value, SourceSpan span)
        : base(span)
    {
        Target = target;
        Value = value;
    }

    public NameExpression Target { get; }

    public Expression Value { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitNamed(this);
}
