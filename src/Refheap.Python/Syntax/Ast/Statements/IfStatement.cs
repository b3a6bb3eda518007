namespace Refheap.Python.Syntax.Ast;

/// <summary><c>if test: body else: orElse</c>; an <c>elif</c> is an <see cref="IfStatement"/> alone in <see cref="OrElse"/>, as in CPython.</summary>
internal sealed class IfStatement : Statement
{
    public IfStatement(Expression test, IReadOnlyList<Statement> body, IReadOnlyList<Statement> orElse, SourceSpan span)
        : base(span)
    {
        Test = test;
        Body = body;
        OrElse = orElse;
    }

    public Expression Test { get; }

    public IReadOnlyList<Statement> Body { get; }

    /// <summary>Empty when there is no <c>else</c>.</summary>
    public IReadOnlyList<Statement> OrElse { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitIfStatement(this);
}
