namespace Refheap.Python.Syntax.Ast;

/// <summary><c>value.name</c>.</summary>
internal sealed class AttributeExpression : Expression
{
    public AttributeExpression(Expression value, string name, SourceSpan span)
        : base(span)
    {
        Value = value;
        Name = name;
    }

    public Expression Value { get; }

    public string Name { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitAttribute(this);
}
