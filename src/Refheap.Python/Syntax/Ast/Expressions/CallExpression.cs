namespace Refheap.Python.Syntax.Ast;

/// <summary>A call <c>f(a, *rest, k=v, **more)</c>: positional arguments in order (a <see cref="StarredExpression"/> for <c>*rest</c>), then keyword arguments (a null name for <c>**more</c>).</summary>
internal sealed class CallExpression : Expression
{
    public CallExpression(Expression function, IReadOnlyList<Expression> arguments, IReadOnlyList<KeywordArgument> keywords, SourceSpan span)
        : base(span)
    {
        Function = function;
        Arguments = arguments;
        Keywords = keywords;
    }

    public Expression Function { get; }

    public IReadOnlyList<Expression> Arguments { get; }

    public IReadOnlyList<KeywordArgument> Keywords { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitCall(this);
}
