namespace Refheap.Python.Syntax.Ast;

/// <summary><c>with a as x, b: body</c>; several items nest as in CPython.</summary>
internal sealed class WithStatement : Statement
{
    public WithStatement(IReadOnlyList<WithItem> items, IReadOnlyList<Statement> body, bool isAsync, SourceSpan span)
        : base(span)
    {
        Items = items;
        Body = body;
        IsAsync = isAsync;
    }

    public IReadOnlyList<WithItem> Items { get; }

    public IReadOnlyList<Statement> Body { get; }

    /// <summary>3.x <c>async with</c> (reported as unsupported).</summary>
    public bool IsAsync { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitWithStatement(this);
}
