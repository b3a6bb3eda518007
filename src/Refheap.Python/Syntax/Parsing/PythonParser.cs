using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Syntax.Parsing;

/// <summary>The front door of the front end: source text in, syntax tree (and warnings) out.</summary>
internal static class PythonParser
{
    /// <summary>
    /// Parses a whole file of <paramref name="dialect"/>. With <paramref name="treeOnly"/>, only
    /// what CPython's <c>ast.parse</c> checks is checked: no errors of the later passes (symbol
    /// table, compiler), no unsupported constructs.
    /// </summary>
    /// <exception cref="PythonSyntaxError">The program does not parse, or CPython would reject it before running it.</exception>
    /// <exception cref="PythonUnsupportedError">The program is valid but uses a construct Refheap does not run.</exception>
    public static ParseResult Parse(string source, string fileName, PythonDialect dialect, bool treeOnly = false)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        // `python -c CODE` tokenizes CODE as a string; 2.7's adds a newline of its own first (Modules/main.c).
        var stringInput = fileName == SourceText.StringInputName;
        var addsNewline = stringInput && dialect.Errors == SyntaxErrorStyle.Cpython27;
        var text = new SourceText(addsNewline ? source + "\n" : source, fileName) { IsStringInput = stringInput };
        var parser = new Parser(text, dialect) { TreeOnly = treeOnly };
        var module = parser.ParseModule();
        if ((module.Future & FutureFeatures.UnicodeLiterals) != 0 && parser.PlainStringBeforeUnicodeLiterals)
        {
            parser = new Parser(text, dialect, FutureFeatures.UnicodeLiterals) { TreeOnly = treeOnly };
            module = parser.ParseModule();
        }

        return new ParseResult(module, parser.Warnings);
    }
}
