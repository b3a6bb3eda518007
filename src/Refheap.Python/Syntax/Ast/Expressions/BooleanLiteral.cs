namespace Refheap.Python.Syntax.Ast;

/// <summary>3.x's keywords <c>True</c> and <c>False</c> (in 2.7 they are names).</summary>
internal sealed class BooleanLiteral : Expression
{
    public BooleanLiteral(bool value, SourceSpan span)
        : base(span)
    {
        Value = value;
    }

    public bool Value { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitBooleanLiteral(this);
}
