using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Syntax.Parsing;

/// <summary>A parsed file and the warnings CPython would print while compiling it.</summary>
internal sealed record ParseResult(ModuleNode Module, IReadOnlyList<PythonSyntaxWarning> Warnings);
