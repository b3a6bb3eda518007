namespace Refheap.Python.Syntax.Ast;

/// <summary><c>del a, b.c, d[e]</c>.</summary>
internal sealed class DeleteStatement : Statement
{
    public DeleteStatement(IReadOnlyList<Expression> targets, SourceSpan span)
        : base(span)
    {
        Targets = targets;
    }

    public IReadOnlyList<Expression> Targets { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitDeleteStatement(this);
}
