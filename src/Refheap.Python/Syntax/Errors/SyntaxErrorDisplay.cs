using System.Text;

namespace Refheap.Python;

/// <summary>
/// The source line and caret under a syntax error's <c>File</c> line, written the way each
/// CPython's <c>print_error_text</c> (Python/pythonrun.c) writes them. Both are ports, quirks
/// included, so that the same attributes give the same screen.
/// </summary>
internal static class SyntaxErrorDisplay
{
    /// <summary>
    /// CPython 2.7: find the line of a multi-line text the offset falls in, strip its leading
    /// blanks, and put one caret under column <c>offset - 1</c>; no caret when the offset is
    /// None (-1).
    /// </summary>
    public static void AppendErrorText27(StringBuilder output, int offset, string text)
    {
        var start = 0;
        if (offset >= 0)
        {
            if (offset > 0 && offset == text.Length && text[offset - 1] == '\n')
            {
                offset--;
            }

            while (true)
            {
                var newline = text.IndexOf('\n', start);
                if (newline < 0 || newline - start >= offset)
                {
                    break;
                }

                offset -= newline + 1 - start;
                start = newline + 1;
            }

            while (start < text.Length && (text[start] == ' ' || text[start] == '\t'))
            {
                start++;
                offset--;
            }
        }

        var shown = text[start..];
        output.Append("    ").Append(shown);
        if (shown.Length == 0 || shown[^1] != '\n')
        {
            output.Append('\n');
        }

        if (offset == -1)
        {
            return;
        }

        output.Append("    ");
        offset--;
        while (offset > 0)
        {
            output.Append(' ');
            offset--;
        }

        output.Append("^\n");
    }

    /// <summary>
    /// CPython 3.12: strip the line's leading blanks, clip the offset to the line, and put
    /// carets from <c>offset</c> up to <c>end_offset</c> (one caret for the subclasses
    /// IndentationError and TabError, whose end is ignored); no caret when the offset lands left
    /// of the stripped text.
    /// </summary>
    public static void AppendErrorText312(StringBuilder output, bool isPlainSyntaxError, int line, int offset, int endLine, int endOffset, string text)
    {
        if (!isPlainSyntaxError)
        {
            endLine = line;
            endOffset = -1;
        }

        var lineSize = text.Length;
        if (endLine > line)
        {
            endOffset = lineSize;
        }

        if (endOffset > lineSize + 1)
        {
            endOffset = lineSize + 1;
        }

        var caretRepetitions = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
        offset--;
        var start = 0;
        while (start < text.Length && (text[start] == ' ' || text[start] == '\t' || text[start] == '\f'))
        {
            start++;
            offset--;
        }

        var length = text.Length - start;
        if (length > 0 && text[^1] == '\n')
        {
            length--;
        }

        if (offset > length)
        {
            offset = length;
        }

        while (true)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                break;
            }

            var inLine = newline - start;
            if (inLine >= offset)
            {
                break;
            }

            inLine++;
            start += inLine;
            length -= inLine;
            offset -= inLine;
        }

        output.Append("    ").Append(text, start, text.Length - start);
        if (start + length >= text.Length || text[start + length] != '\n')
        {
            output.Append('\n');
        }

        if (offset < 0)
        {
            return;
        }

        output.Append("    ");
        output.Append(' ', offset);
        output.Append('^', caretRepetitions);
        output.Append('\n');
    }
}
