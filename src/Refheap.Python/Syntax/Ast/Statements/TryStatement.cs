namespace Refheap.Python.Syntax.Ast;

/// <summary><c>try: body except ...: ... else: orElse finally: finalBody</c>; 2.7's try-except and try-finally are this one node, as in 3.x's tree.</summary>
internal sealed class TryStatement : Statement
{
    public TryStatement(IReadOnlyList<Statement> body, IReadOnlyList<ExceptHandler> handlers, IReadOnlyList<Statement> orElse, IReadOnlyList<Statement> finalBody, SourceSpan span)
        : base(span)
    {
        Body = body;
        Handlers = handlers;
        OrElse = orElse;
        FinalBody = finalBody;
    }

    public IReadOnlyList<Statement> Body { get; }

    public IReadOnlyList<ExceptHandler> Handlers { get; }

    public IReadOnlyList<Statement> OrElse { get; }

    public IReadOnlyList<Statement> FinalBody { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitTryStatement(this);
}
