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
        _scopes = SymbolTableBuilder.Build(module, dialect, fileName);
    }

    /// <summary>The language version.</summary>
    public PythonDialect Dialect { get; }

    /// <summary>The file name code objects carry.</summary>
    public string FileName { get; }

    /// <summary>The module's <c>__future__</c> features.</summary>
    public FutureFeatures Future { get; }

    /// <summary>Whether <c>/</c> is true division (3.x, or 2.7 with <c>from __future__ import division</c>).</summary>
    public bool TrueDivision => !Dialect.PrintIsStatement || (Future & FutureFeatures.Division) != 0;

    /// <summary>
    /// The level an absolute import is compiled with: 2.7's -1 (try a relative import first),
    /// unless <c>from __future__ import absolute_import</c>; 3.x's 0. The evaluator runs both
    /// alike, but the constant is in the code object's <c>co_consts</c>, as in CPython.
    /// </summary>
    public int AbsoluteImportLevel => Dialect.PrintIsStatement && (Future & FutureFeatures.AbsoluteImport) == 0 ? -1 : 0;

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
