namespace Refheap.Python.Syntax.Ast;

/// <summary><c>lambda parameters: body</c>.</summary>
internal sealed class LambdaExpression : Expression
{
    public LambdaExpression(ParameterList parameters, Expression body, SourceSpan span)
        : base(span)
    {
        Parameters = parameters;
        Body = body;
    }

    public ParameterList Parameters { get; }

    public Expression Body { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitLambda(this);
}
