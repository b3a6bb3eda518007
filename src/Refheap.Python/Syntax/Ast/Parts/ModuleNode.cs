namespace Refheap.Python.Syntax.Ast;

/// <summary>A parsed file: its statements and the <c>__future__</c> features it imports.</summary>
internal sealed class ModuleNode : Node
{
    public ModuleNode(IReadOnlyList<Statement> body, FutureFeatures future, SourceSpan span)
        : base(span)
    {
        Body = body;
        Future = future;
    }

    public IReadOnlyList<Statement> Body { get; }

    public FutureFeatures Future { get; }
}
