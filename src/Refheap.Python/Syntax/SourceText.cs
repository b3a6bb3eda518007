using System.Text;

namespace Refheap.Python.Syntax;

/// <summary>
/// A program's text as the tokenizer reads it: line endings normalized to <c>\n</c> (as
/// CPython's universal newlines do), a byte-order mark dropped, and a final <c>\n</c> added
/// when the file lacks one (as CPython's tokenizer does). Lines are numbered from 1.
/// </summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        FileName = fileName;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        if (text.Length == 0 || text[^1] != '\n')
        {
            text += "\n";
            AddedFinalNewline = true;
        }

        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
        DeclaredEncoding = SourceEncoding.Declared(Enumerable.Range(1, Math.Min(2, LineCount)).Select(LineWithoutNewline));
    }

    /// <summary>The encoding a coding declaration names (PEP 263), or null: 2.7's byte strings hold the text in it (UTF-8 when none).</summary>
    public Encoding? DeclaredEncoding { get; }

    /// <summary>The name errors and tracebacks show (<c>File "x.py"</c>).</summary>
    public string FileName { get; }

    /// <summary>The normalized text; always ends with <c>\n</c>.</summary>
    public string Text { get; }

    /// <summary>
    /// The name CPython gives a program passed as a string (<c>python -c CODE</c>), which its
    /// tokenizer reads from memory rather than from a file.
    /// </summary>
    public const string StringInputName = "<string>";

    /// <summary>
    /// Whether the tokenizer reads the program as a string (<c>-c</c>) rather than a file: at
    /// the end, 2.7's stays on the last line (errors there show that line, and one on line 1 is
    /// "unexpected EOF while parsing") instead of reading an empty line past it, and 3.12's
    /// points after the last line's text.
    /// </summary>
    public bool IsStringInput { get; init; }

    /// <summary>
    /// Whether the file name is not a file CPython can read back (<c>&lt;string&gt;</c>,
    /// <c>&lt;stdin&gt;</c>): the errors found after the parse, whose text CPython reads from
    /// the file (PyErr_ProgramText), show no source line.
    /// </summary>
    public bool IsPseudoFile => FileName.StartsWith('<');

    /// <summary>Whether the file's last line had no newline of its own.</summary>
    public bool AddedFinalNewline { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>Offset in <see cref="Text"/> of the first character of <paramref name="line"/>.</summary>
    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>
    /// The text of <paramref name="line"/> with its newline, as CPython's error text reads it
    /// (the newline CPython itself added to an unterminated last line is left out).
    /// </summary>
    public string LineWithNewline(int line)
    {
        if (line < 1 || line > LineCount)
        {
            return string.Empty;
        }

        var start = _lineStarts[line - 1];
        var end = line < LineCount ? _lineStarts[line] : Text.Length;
        if (line == LineCount && AddedFinalNewline)
        {
            end--;
        }

        return Text[start..end];
    }

    /// <summary>The text of <paramref name="line"/> without its newline.</summary>
    public string LineWithoutNewline(int line) => LineWithNewline(line).TrimEnd('\n');

    /// <summary>The 1-based line holding <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index + 1 : ~index;
    }
}
