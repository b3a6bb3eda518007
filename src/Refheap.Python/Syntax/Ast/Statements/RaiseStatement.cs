namespace Refheap.Python.Syntax.Ast;

/// <summary><c>raise</c>, <c>raise exception</c>, 3.x's <c>raise exception from cause</c>, 2.7's <c>raise type, value, traceback</c>.</summary>
internal sealed class RaiseStatement : Statement
{
    public RaiseStatement(Expression? exception, Expression? cause, Expression? legacyValue, Expression? legacyTraceback, SourceSpan span)
        : base(span)
    {
        Exception = exception;
        Cause = cause;
        LegacyValue = legacyValue;
        LegacyTraceback = legacyTraceback;
    }

    /// <summary>The exception (2.7: its type or instance).</summary>
    public Expression? Exception { get; }

    /// <summary>3.x: after <c>from</c>.</summary>
    public Expression? Cause { get; }

    /// <summary>2.7: the second expression of <c>raise E, V</c>.</summary>
    public Expression? LegacyValue { get; }

    /// <summary>2.7: the third expression of <c>raise E, V, tb</c>.</summary>
    public Expression? LegacyTraceback { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitRaiseStatement(this);
}
