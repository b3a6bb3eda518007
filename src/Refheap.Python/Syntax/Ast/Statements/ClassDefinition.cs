namespace Refheap.Python.Syntax.Ast;

/// <summary><c>class Name(bases, keywords): body</c> with its decorators.</summary>
internal sealed class ClassDefinition : Statement
{
    public ClassDefinition(string name, IReadOnlyList<Expression> bases, IReadOnlyList<KeywordArgument> keywords, IReadOnlyList<Statement> body, IReadOnlyList<Expression> decorators, SourceSpan span)
        : base(span)
    {
        Name = name;
        Bases = bases;
        Keywords = keywords;
        Body = body;
        Decorators = decorators;
    }

    public string Name { get; }

    /// <summary>Positional arguments of the class statement (a <see cref="StarredExpression"/> for 3.x's <c>*bases</c>).</summary>
    public IReadOnlyList<Expression> Bases { get; }

    /// <summary>3.x: <c>metaclass=M</c> and other keywords.</summary>
    public IReadOnlyList<KeywordArgument> Keywords { get; }

    public IReadOnlyList<Statement> Body { get; }

    public IReadOnlyList<Expression> Decorators { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitClassDefinition(this);
}
