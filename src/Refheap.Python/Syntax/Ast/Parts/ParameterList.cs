namespace Refheap.Python.Syntax.Ast;

/// <summary>The parameters of a function (CPython's arguments): <c>def f(a, /, b, *args, c, **kwargs)</c>.</summary>
internal sealed class ParameterList : Node
{
    public ParameterList(IReadOnlyList<Parameter> positionalOnly, IReadOnlyList<Parameter> positional, Parameter? varArgs, IReadOnlyList<Parameter> keywordOnly, Parameter? keywordArgs, SourceSpan span)
        : base(span)
    {
        PositionalOnly = positionalOnly;
        Positional = positional;
        VarArgs = varArgs;
        KeywordOnly = keywordOnly;
        KeywordArgs = keywordArgs;
    }

    /// <summary>3.8+: before a <c>/</c>.</summary>
    public IReadOnlyList<Parameter> PositionalOnly { get; }

    public IReadOnlyList<Parameter> Positional { get; }

    /// <summary><c>*args</c>; null when absent (also for a bare <c>*</c>).</summary>
    public Parameter? VarArgs { get; }

    /// <summary>3.x: after <c>*</c> or <c>*args</c>.</summary>
    public IReadOnlyList<Parameter> KeywordOnly { get; }

    /// <summary><c>**kwargs</c>.</summary>
    public Parameter? KeywordArgs { get; }
}
