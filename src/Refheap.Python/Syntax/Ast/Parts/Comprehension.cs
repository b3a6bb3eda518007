namespace Refheap.Python.Syntax.Ast;

/// <summary>One <c>for target in iterable if condition ...</c> clause of a comprehension. Its span runs from <c>for</c> to the end of its last condition (CPython keeps none).</summary>
internal sealed class Comprehension : Node
{
    public Comprehension(Expression target, Expression iterable, IReadOnlyList<Expression> conditions, bool isAsync, SourceSpan span)
        : base(span)
    {
        Target = target;
        Iterable = iterable;
        Conditions = conditions;
        IsAsync = isAsync;
    }

    public Expression Target { get; }

    public Expression Iterable { get; }

    public IReadOnlyList<Expression> Conditions { get; }

    /// <summary>3.x <c>async for</c> (reported as unsupported).</summary>
    public bool IsAsync { get; }
}
