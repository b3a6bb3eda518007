using System.Text;

namespace Refheap.Python;

/// <summary>
/// A program that does not parse, with everything CPython's <c>SyntaxError</c> carries so that
/// the error prints as CPython prints it (<see cref="FormatForDisplay"/>):
/// <code>
///   File "x.py", line 3
///     if x
///         ^
/// SyntaxError: expected ':'
/// </code>
/// </summary>
/// <remarks>
/// The attributes are CPython's, including its quirks: <see cref="Offset"/> is the 1-based
/// column the caret goes under, <see cref="Text"/> the source line(s) the tokenizer had read.
/// 2.7 leaves <see cref="Offset"/> empty for errors found after parsing ("can't assign to
/// literal"), and its <see cref="Text"/> may hold several lines (a multi-line string and the
/// line it ends on).
/// </remarks>
public sealed class PythonSyntaxError : Exception
{
    /// <summary>Creates the error; <paramref name="errorType"/> is <c>SyntaxError</c>, <c>IndentationError</c> or <c>TabError</c>.</summary>
    public PythonSyntaxError(
        PythonDialect dialect,
        string errorType,
        string message,
        string fileName,
        int line,
        int? offset,
        int? endLine,
        int? endOffset,
        string? text)
        : base(message)
    {
        Dialect = dialect;
        ErrorType = errorType;
        FileName = fileName;
        Line = line;
        Offset = offset;
        EndLine = endLine;
        EndOffset = endOffset;
        Text = text;
    }

    /// <summary>The dialect whose CPython reported the error (it decides how it prints).</summary>
    public PythonDialect Dialect { get; }

    /// <summary>
    /// The Python exception type: <c>SyntaxError</c>, <c>IndentationError</c>, <c>TabError</c>,
    /// or (2.7, for a bad <c>\x</c> escape in a byte string) <c>ValueError</c>, which prints
    /// without a location.
    /// </summary>
    public string ErrorType { get; }

    /// <summary>The file name as given to the parser.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line CPython reports (<c>lineno</c>).</summary>
    public int Line { get; }

    /// <summary>CPython's 1-based <c>offset</c>; null when CPython gives none (no caret).</summary>
    public int? Offset { get; }

    /// <summary>3.12's <c>end_lineno</c>; null in 2.7.</summary>
    public int? EndLine { get; }

    /// <summary>3.12's <c>end_offset</c> (the caret range's exclusive end); null in 2.7.</summary>
    public int? EndOffset { get; }

    /// <summary>CPython's <c>text</c>: the source line, usually with its newline; null when none is shown.</summary>
    public string? Text { get; }

    /// <summary>Warnings CPython printed before the error (3.12's invalid escape sequences).</summary>
    public IReadOnlyList<PythonSyntaxWarning> Warnings { get; init; } = [];

    /// <summary>
    /// The lines CPython prints on stderr for this error when it is uncaught: the
    /// <c>File</c> line, the source line and caret, and <c>SyntaxError: message</c>, each
    /// ending with a newline (warnings are not included).
    /// </summary>
    public string FormatForDisplay()
    {
        var builder = new StringBuilder();
        if (ErrorType == "ValueError")
        {
            builder.Append(ErrorType).Append(": ").Append(Message).Append('\n');
            return builder.ToString();
        }

        builder.Append("  File \"").Append(FileName).Append("\", line ").Append(Line).Append('\n');
        if (Text is not null)
        {
            if (Dialect.Errors == SyntaxErrorStyle.Cpython27)
            {
                SyntaxErrorDisplay.AppendErrorText27(builder, Offset ?? -1, Text);
            }
            else
            {
                SyntaxErrorDisplay.AppendErrorText312(builder, ErrorType == "SyntaxError", Line, Offset ?? -1, EndLine ?? Line, EndOffset ?? -1, Text);
            }
        }

        builder.Append(ErrorType).Append(": ").Append(Message).Append('\n');
        return builder.ToString();
    }
}
