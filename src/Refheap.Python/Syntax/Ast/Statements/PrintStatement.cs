namespace Refheap.Python.Syntax.Ast;

/// <summary>2.7: <c>print &gt;&gt;destination, a, b,</c>.</summary>
internal sealed class PrintStatement : Statement
{
    public PrintStatement(Expression? destination, IReadOnlyList<Expression> values, bool newline, SourceSpan span)
        : base(span)
    {
        Destination = destination;
        Values = values;
        Newline = newline;
    }

    /// <summary>The file after <c>&gt;&gt;</c>; null for stdout.</summary>
    public Expression? Destination { get; }

    public IReadOnlyList<Expression> Values { get; }

    /// <summary>False when the statement ends with a comma.</summary>
    public bool Newline { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitPrintStatement(this);
}
