using System.Text;
using Refheap.Objects;

namespace Refheap.Python.Execution;

/// <summary>Prints an uncaught exception as CPython's <c>PyErr_Display</c> does for the profile (3.x with its cause/context chain).</summary>
internal static class TracebackPrinter
{
    /// <summary>Writes <paramref name="exception"/> (borrowed) with its traceback to <paramref name="writer"/>.</summary>
    public static void Print(Interpreter interpreter, PyRef exception, TextWriter writer)
    {
        var sb = new StringBuilder();
        if (interpreter.Py27)
        {
            Append(interpreter, exception, sb);
        }
        else
        {
            AppendChain(interpreter, exception, sb, []);
        }

        writer.Write(sb.ToString());
        writer.Flush();
    }

    private static void AppendChain(Interpreter interpreter, PyRef exception, StringBuilder sb, HashSet<nint> seen)
    {
        seen.Add(exception.Address);
        // A cause of None (`raise ... from None`) is no cause, and it suppresses the context.
        var cause = ObjectApi.ExceptionCause(exception);
        var context = ObjectApi.ExceptionContext(exception);
        if (!cause.IsNull && !interpreter.Api.IsNone(cause) && !seen.Contains(cause.Address))
        {
            AppendChain(interpreter, cause, sb, seen);
            sb.Append("\nThe above exception was the direct cause of the following exception:\n\n");
        }
        else if (cause.IsNull && !context.IsNull && !seen.Contains(context.Address))
        {
            AppendChain(interpreter, context, sb, seen);
            sb.Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }

        Append(interpreter, exception, sb);
    }

    /// <summary>3.12: the markers under the source line, from the span of the instruction the entry was made at.</summary>
    private static void AppendMarkers(Interpreter interpreter, PyRef tb, PyRef code, string source, int line, StringBuilder sb)
    {
        if (interpreter.Py27 || interpreter.Api.CodePayload(code) is not Compiler.CodeUnit unit)
        {
            return;
        }

        var pc = ObjectApi.TracebackInstruction(tb);
        if (pc >= 0 && pc < unit.Spans.Length && TracebackCarets.For(source, line, unit.Spans[pc]) is { } markers)
        {
            sb.Append(markers);
        }
    }

    /// <summary>The traceback of <paramref name="exception"/> (borrowed) and its last line, without the cause/context chain: what an unraisable exception prints.</summary>
    public static string Format(Interpreter interpreter, PyRef exception)
    {
        var sb = new StringBuilder();
        Append(interpreter, exception, sb);
        return sb.ToString();
    }

    /// <summary>
    /// The entries to print: the newest <see cref="Limit"/> (both CPythons drop the oldest
    /// beyond the default <c>sys.tracebacklimit</c>).
    /// </summary>
    private static PyRef SkipBeyondLimit(PyRef tb)
    {
        var depth = 0;
        for (var t = tb; !t.IsNull; t = ObjectApi.TracebackEntry(t).Next)
        {
            depth++;
        }

        for (; depth > Limit; depth--)
        {
            tb = ObjectApi.TracebackEntry(tb).Next;
        }

        return tb;
    }

    /// <summary>PyTraceBack_LIMIT: how many entries a traceback prints at most.</summary>
    private const int Limit = 1000;

    private static void Append(Interpreter interpreter, PyRef exception, StringBuilder sb)
    {
        var api = interpreter.Api;
        var tb = ObjectApi.ExceptionTraceback(exception);
        if (!tb.IsNull)
        {
            sb.Append("Traceback (most recent call last):\n");
            tb = SkipBeyondLimit(tb);
            var repeats = new TracebackRepeatedLines(interpreter.Py27);
            for (; !tb.IsNull; tb = ObjectApi.TracebackEntry(tb).Next)
            {
                var (_, frame, line) = ObjectApi.TracebackEntry(tb);
                var code = ObjectApi.FrameCode(frame);
                var file = ObjectApi.CodeFileName(code);
                if (repeats.Skip(file, line, ObjectApi.CodeName(code), sb))
                {
                    continue;
                }

                sb.Append($"  File \"{file}\", line {line}, in {ObjectApi.CodeName(code)}\n");
                // As CPython, source lines come from files only (not <string> or <stdin>).
                var lines = file.StartsWith('<') ? null : interpreter.SourceLines(file);
                if (lines != null && line >= 1 && line <= lines.Length)
                {
                    // Both CPythons strip the leading blanks only.
                    var source = lines[line - 1].TrimEnd('\r');
                    var text = source.TrimStart(' ', '\t', '\f');
                    if (text.Length > 0)
                    {
                        sb.Append("    ").Append(text).Append('\n');
                        AppendMarkers(interpreter, tb, code, source, line, sb);
                    }
                }
            }

            repeats.Finish(sb);
        }

        var type = exception.Type;
        var typeName = ObjectApi.QualifiedClassName(type);
        if (!interpreter.Py27 && typeName.StartsWith("__main__.", StringComparison.Ordinal))
        {
            typeName = typeName["__main__.".Length..];
        }

        var message = api.ExceptionMessage(exception);
        sb.Append(message.Length == 0 ? typeName : $"{typeName}: {message}").Append('\n');
        if (!interpreter.Py27)
        {
            AppendNotes(api, exception, sb);
        }
    }

    /// <summary>3.11+'s print_exception_notes: each of <c>__notes__</c> (add_note's) on its own line.</summary>
    private static void AppendNotes(ObjectApi api, PyRef exception, StringBuilder sb)
    {
        var notes = api.GetAttr(exception, "__notes__");
        if (notes.IsNull)
        {
            api.ClearError();
            return;
        }

        if (api.IsList(notes))
        {
            for (var i = 0; i < ObjectApi.ListSize(notes); i++)
            {
                sb.Append(api.Str(ObjectApi.ListItem(notes, i)) ?? "<note str() failed>").Append('\n');
            }
        }
        else
        {
            sb.Append(api.Str(notes) ?? "<__notes__ repr() failed>").Append('\n');
        }

        api.ClearError();
        notes.DecRef();
    }
}
