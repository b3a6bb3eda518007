namespace Refheap.Python;

/// <summary>
/// A warning the compiler emits while reading the program (3.12: <c>SyntaxWarning: invalid
/// escape sequence '\d'</c>), printed on stderr by the warnings module's default format.
/// </summary>
/// <param name="FileName">The file name as given to the parser.</param>
/// <param name="Line">The 1-based line of the literal.</param>
/// <param name="Category">The warning class, e.g. <c>SyntaxWarning</c>.</param>
/// <param name="Message">The warning's text.</param>
/// <param name="SourceLine">The line of source the warning points at, without its newline.</param>
public sealed record PythonSyntaxWarning(string FileName, int Line, string Category, string Message, string SourceLine)
{
    /// <summary>The two lines <c>warnings.showwarning</c> prints: <c>x.py:1: SyntaxWarning: ...</c> and the stripped source line.</summary>
    public string FormatForDisplay() =>
        $"{FileName}:{Line}: {Category}: {Message}\n  {SourceLine.Trim()}\n";
}
