namespace Refheap.Python.Syntax.Ast;

/// <summary>
/// The <c>from __future__ import ...</c> features a 2.7 module turns on (3.x has them all; the
/// parser records only what the file imports).
/// </summary>
[Flags]
internal enum FutureFeatures
{
    None = 0,

    /// <summary><c>print</c> is a function, not a statement (the parser already applied it).</summary>
    PrintFunction = 1,

    /// <summary>Plain string literals are unicode (the parser already applied it).</summary>
    UnicodeLiterals = 2,

    /// <summary><c>/</c> is true division.</summary>
    Division = 4,

    /// <summary>Imports are absolute unless written with dots.</summary>
    AbsoluteImport = 8,
}
