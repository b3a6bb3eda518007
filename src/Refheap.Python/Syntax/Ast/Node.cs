namespace Refheap.Python.Syntax.Ast;

/// <summary>
/// A node of the syntax tree. Every node is a sealed class whose children are fixed when it
/// is built (Jint's style); every node knows where it stands in the source, as CPython's
/// <c>lineno</c>, <c>col_offset</c>, <c>end_lineno</c> and <c>end_col_offset</c>.
/// </summary>
/// <remarks>
/// The tree follows the shape of CPython 3.12's <c>ast</c> module for both dialects (2.7's
/// extra statements — print, exec — and its extra <c>raise</c> and <c>except</c> forms have
/// nodes or fields of their own). Unlike CPython's, nodes carry no load/store/delete
/// context: a target's role follows from where it stands (an assignment's targets, a
/// <c>for</c> target, a <c>del</c>), so one tree serves both readings.
/// </remarks>
internal abstract class Node
{
    protected Node(SourceSpan span)
    {
        Span = span;
    }

    public SourceSpan Span { get; }

    /// <summary>The 1-based line where the node starts.</summary>
    public int Line => Span.Line;

    /// <summary>The 0-based column where the node starts.</summary>
    public int Column => Span.Column;
}
