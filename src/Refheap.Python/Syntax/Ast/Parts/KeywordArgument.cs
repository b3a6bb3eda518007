namespace Refheap.Python.Syntax.Ast;

/// <summary><c>name=value</c> in a call or a class statement, or <c>**value</c> (a null name).</summary>
internal sealed class KeywordArgument : Node
{
    public KeywordArgument(string? name, Expression value, SourceSpan span)
        : base(span)
    {
        Name = name;
        Value = value;
    }

    public string? Name { get; }

    public Expression Value { get; }
}
