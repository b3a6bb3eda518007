namespace Refheap.Python.Syntax.Ast;

/// <summary><c>for target in iterable: body else: orElse</c>.</summary>
internal sealed class ForStatement : Statement
{
    public ForStatement(Expression target, Expression iterable, IReadOnlyList<Statement> body, IReadOnlyList<Statement> orElse, bool isAsync, SourceSpan span)
        : base(span)
    {
        Target = target;
        Iterable = iterable;
        Body = body;
        OrElse = orElse;
        IsAsync = isAsync;
    }

    public Expression Target { get; }

    public Expression Iterable { get; }

    public IReadOnlyList<Statement> Body { get; }

    public IReadOnlyList<Statement> OrElse { get; }

    /// <summary>3.x <c>async for</c> (reported as unsupported).</summary>
    public bool IsAsync { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitForStatement(this);
}
