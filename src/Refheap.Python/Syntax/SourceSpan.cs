namespace Refheap.Python.Syntax;

/// <summary>
/// Where a token or node lies: 1-based lines, 0-based columns counted in characters (UTF-16
/// code units) from the start of the line, the end exclusive — CPython's <c>lineno</c>,
/// <c>col_offset</c>, <c>end_lineno</c>, <c>end_col_offset</c> for ASCII source.
/// </summary>
internal readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static SourceSpan Cover(SourceSpan first, SourceSpan last) =>
        new(first.Line, first.Column, last.EndLine, last.EndColumn);

    public override string ToString() => $"{Line}:{Column}-{EndLine}:{EndColumn}";
}
