using System.Text;
using Refheap.Python.Syntax;
using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Parsing;

namespace Refheap.Python.Execution;

/// <summary>
/// The markers CPython 3.12 prints under a traceback entry's source line (Python/traceback.c,
/// tb_displayline): <c>^</c> under the span of the instruction that failed, or, for a binary
/// operation or a subscript on one line, <c>~</c> under the operands and <c>^</c> under the
/// operator or the brackets; none when the span is the whole line (leading blanks aside).
/// </summary>
internal static class TracebackCarets
{
    /// <summary>
    /// The marker line, indented as the source line is printed and ending with a newline, for
    /// <paramref name="span"/> on <paramref name="line"/> (the file's line <paramref name="lineNumber"/>
    /// without its newline); null when 3.12 prints none.
    /// </summary>
    public static string? For(string line, int lineNumber, SourceSpan span)
    {
        if (span.Line != lineNumber || span.EndLine < span.Line || span.Column < 0 || span.Column > line.Length)
        {
            return null;
        }

        var start = span.Column;
        int end;
        int left = -1, right = -1;
        if (span.EndLine == span.Line)
        {
            end = Math.Min(span.EndColumn, line.Length);
            if (end <= start)
            {
                return null;
            }

            if (Anchors(line[start..end], out left, out right))
            {
                left += start;
                right += start;
            }
        }
        else
        {
            // A span over several lines is marked up to the last non-blank character of its first.
            end = line.TrimEnd().Length;
        }

        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t' or '\f')
        {
            indent++;
        }

        var anchored = left >= 0;
        if (end - start == line.Length - indent && !anchored)
        {
            return null;
        }

        var marks = new StringBuilder("    ");
        for (var i = indent; i < end; i++)
        {
            marks.Append(i < start ? ' ' : anchored && i >= left && i < right ? '^' : anchored ? '~' : '^');
        }

        return marks.Append('\n').ToString();
    }

    /// <summary>
    /// extract_anchors_from_line: the segment parsed on its own as one expression statement; a
    /// binary operation anchors on its operator, a subscript on its brackets. Offsets in the segment.
    /// </summary>
    private static bool Anchors(string segment, out int left, out int right)
    {
        left = right = -1;
        Expression expression;
        try
        {
            var module = PythonParser.Parse(segment, "<segment>", PythonDialect.Py312, treeOnly: true).Module;
            if (module.Body.Count != 1 || module.Body[0] is not ExpressionStatement statement)
            {
                return false;
            }

            expression = statement.Value;
        }
        catch (Exception e) when (e is PythonSyntaxError or PythonUnsupportedError)
        {
            return false;
        }

        switch (expression)
        {
            case BinaryExpression binary when binary.Left.Span.EndLine == 1 && binary.Right.Span.Line == 1:
                for (var i = binary.Left.Span.EndColumn; i < binary.Right.Span.Column; i++)
                {
                    if (char.IsWhiteSpace(segment[i]))
                    {
                        continue;
                    }

                    left = i;
                    right = i + 1;
                    if (i + 1 < binary.Right.Span.Column && !char.IsWhiteSpace(segment[i + 1]))
                    {
                        right++;
                    }

                    if (i + 1 < binary.Right.Span.Column && segment[i] == ')')
                    {
                        continue;
                    }

                    return true;
                }

                return left >= 0;
            case SubscriptExpression subscript when subscript.Value.Span.EndLine == 1 && subscript.Index.Span.EndLine == 1:
                left = subscript.Value.Span.EndColumn;
                right = subscript.Index.Span.EndColumn + 1;
                while (left < segment.Length && segment[left] != '[')
                {
                    left++;
                }

                while (right < segment.Length && segment[right] != ']')
                {
                    right++;
                }

                if (right < segment.Length)
                {
                    right++;
                }

                return true;
            default:
                return false;
        }
    }
}
