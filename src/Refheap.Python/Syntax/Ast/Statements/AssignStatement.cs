namespace Refheap.Python.Syntax.Ast;

/// <summary><c>a = b = value</c>: every target in order, then the value. Targets are names, attributes, subscripts, and tuples or lists of targets (with one starred in 3.x).</summary>
internal sealed class AssignStatement : Statement
{
    public AssignStatement(IReadOnlyList<Expression> targets, Expression value, SourceSpan span)
        : base(span)
    {
        Targets = targets;
        Value = value;
    }

    public IReadOnlyList<Expression> Targets { get; }

    public Expression Value { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitAssignStatement(this);
}
