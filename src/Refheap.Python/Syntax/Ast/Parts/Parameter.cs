namespace Refheap.Python.Syntax.Ast;

/// <summary>A parameter of a <c>def</c> or <c>lambda</c>, with its annotation and default. Its span covers the name and annotation (CPython's arg).</summary>
internal sealed class Parameter : Node
{
    public Parameter(string name, Expression? annotation, Expression? @default, SourceSpan span)
        : base(span)
    {
        Name = name;
        Annotation = annotation;
        Default = @default;
    }

    public string Name { get; }

    /// <summary>3.x: the annotation after a colon.</summary>
    public Expression? Annotation { get; }

    /// <summary>The default value after <c>=</c>.</summary>
    public Expression? Default { get; }
}
