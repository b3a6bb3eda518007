namespace Refheap.Python.Syntax.Ast;

/// <summary><c>def name(parameters) -&gt; returns: body</c> with its decorators (applied last to first). Its span starts at <c>def</c>, as CPython's does since 3.8.</summary>
internal sealed class FunctionDefinition : Statement
{
    public FunctionDefinition(string name, ParameterList parameters, IReadOnlyList<Statement> body, IReadOnlyList<Expression> decorators, Expression? returns, bool isAsync, SourceSpan span)
        : base(span)
    {
        Name = name;
        Parameters = parameters;
        Body = body;
        Decorators = decorators;
        Returns = returns;
        IsAsync = isAsync;
    }

    public string Name { get; }

    public ParameterList Parameters { get; }

    public IReadOnlyList<Statement> Body { get; }

    /// <summary>In source order.</summary>
    public IReadOnlyList<Expression> Decorators { get; }

    /// <summary>3.x: the return annotation.</summary>
    public Expression? Returns { get; }

    /// <summary>3.x <c>async def</c> (reported as unsupported).</summary>
    public bool IsAsync { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitFunctionDefinition(this);
}
