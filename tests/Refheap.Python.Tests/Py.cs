using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Parsing;

namespace Refheap.Python.Tests;

/// <summary>Shorthands for the tests: parse in a dialect, dump the tree, catch the error.</summary>
internal static class Py
{
    public static ModuleNode Parse(string source, PythonDialect dialect, string fileName = "x.py") =>
        PythonParser.Parse(source, fileName, dialect).Module;

    /// <summary>The s-expression of every statement, one per line (see <see cref="AstDumper"/>).</summary>
    public static string Dump(string source, PythonDialect dialect) => AstDumper.Dump(Parse(source, dialect));

    /// <summary>The s-expression of a single expression statement's expression.</summary>
    public static string Expr(string source, PythonDialect dialect)
    {
        var module = Parse(source, dialect);
        var statement = Assert.IsType<ExpressionStatement>(Assert.Single(module.Body));
        return AstDumper.Dump(statement.Value);
    }

    public static PythonSyntaxError Error(string source, PythonDialect dialect) =>
        Assert.Throws<PythonSyntaxError>(() => Parse(source, dialect));

    public static PythonUnsupportedError Unsupported(string source, PythonDialect dialect) =>
        Assert.Throws<PythonUnsupportedError>(() => Parse(source, dialect));

    public static TheoryData<string> Both => ["py27", "py312"];

    public static PythonDialect Dialect(string profile) => PythonDialect.FromProfileName(profile);
}
