namespace Refheap.Python.Syntax.Ast;

/// <summary><c>while test: body else: orElse</c>.</summary>
internal sealed class WhileStatement : Statement
{
    public WhileStatement(Expression test, IReadOnlyList<Statement> body, IReadOnlyList<Statement> orElse, SourceSpan span)
        : base(span)
    {
        Test = test;
        Body = body;
        OrElse = orElse;
    }

    public Expression Test { get; }

    public IReadOnlyList<Statement> Body { get; }

    public IReadOnlyList<Statement> OrElse { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitWhileStatement(this);
}
