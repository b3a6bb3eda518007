namespace Refheap.Python.Syntax.Ast;

/// <summary><c>except type as name: body</c>, 2.7's <c>except type, target:</c>, or a bare <c>except:</c>.</summary>
internal sealed class ExceptHandler : Node
{
    public ExceptHandler(Expression? type, Expression? name, IReadOnlyList<Statement> body, SourceSpan span)
        : base(span)
    {
        Type = type;
        Name = name;
        Body = body;
    }

    public Expression? Type { get; }

    /// <summary>The target bound to the exception: a <see cref="NameExpression"/> in 3.x; in 2.7 any assignment target (<c>except E, self.error:</c>).</summary>
    public Expression? Name { get; }

    public IReadOnlyList<Statement> Body { get; }
}
