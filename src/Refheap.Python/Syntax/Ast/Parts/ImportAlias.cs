namespace Refheap.Python.Syntax.Ast;

/// <summary><c>a.b.c as d</c> in an import; <c>*</c> in <c>from m import *</c>.</summary>
internal sealed class ImportAlias : Node
{
    public ImportAlias(string name, string? asName, SourceSpan span)
        : base(span)
    {
        Name = name;
        AsName = asName;
    }

    /// <summary>The dotted name as written.</summary>
    public string Name { get; }

    public string? AsName { get; }
}
