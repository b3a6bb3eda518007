namespace Refheap.Diagnostics.ObjGraph;

/// <summary>What a <c>show_refs</c>-style call produced.</summary>
/// <param name="Nodes">Objects drawn.</param>
/// <param name="DotFile">The DOT file written, or null when the text went to <see cref="GraphOptions.Output"/>.</param>
/// <param name="ImageFile">The image Graphviz rendered, or null (none asked, or <c>dot</c> missing or failed).</param>
public sealed record GraphResult(int Nodes, string? DotFile, string? ImageFile);
