using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Parsing;

namespace Refheap.Python.Compiler;

/// <summary>One module's compile: its dialect, file name, future flags and symbol table.</summary>
internal sealed class Compilation
{
    private readonly Dictionary<Node, Scope> _scopes;

    private Compilation(PythonDialect dialect, string fileName, ModuleNode module)
    {
        Dialect = dialect;
        FileName = fileName;
        Future = module.Future;
        _scopes = SymbolTableBuilder.Build(module, dialect);
    }

    /// <summary>The language version.</summary>
    public PythonDialect Dialect { get; }

    /// <summary>The file name code objects carry.</summary>
    public string FileName { get; }

    /// <summary>The module's <c>__future__</c> features.</summary>
    public FutureFeatures Future { get; }

    /// <summary>Whether <c>/</c> is true division (3.x, or 2.7 with <c>from __future__ import division</c>).</summary>
    public bool TrueDivision => !Dialect.PrintIsStatement || (Future & FutureFeatures.Division) != 0;

    /// <summary>The scope a node opened.</summary>
    public Scope ScopeOf(Node node) => _scopes[node];

    /// <summary>Parses and compiles <paramref name="source"/>; throws <see cref="PythonSyntaxError"/> or <see cref="PythonUnsupportedError"/>.</summary>
    public static (CodeUnit Code, ParseResult Parse) Compile(string source, string fileName, PythonDialect dialect)
    {
        var parse = PythonParser.Parse(source, fileName, dialect);
        var compilation = new Compilation(dialect, fileName, parse.Module);
        return (CodeGenerator.CompileModule(compilation, parse.Module), parse);
    }
}
