namespace Refheap.Python.Syntax.Ast;

/// <summary>2.7: <c>exec code in globals, locals</c> (reported as unsupported).</summary>
internal sealed class ExecStatement : Statement
{
    public ExecStatement(Expression code, Expression? globals, Expression? locals, SourceSpan span)
        : base(span)
    {
        Code = code;
        Globals = globals;
        Locals = locals;
    }

    public Expression Code { get; }

    public Expression? Globals { get; }

    public Expression? Locals { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitExecStatement(this);
}
