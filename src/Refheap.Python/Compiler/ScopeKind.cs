namespace Refheap.Python.Compiler;

/// <summary>What kind of block a scope is; it decides how its names are stored.</summary>
internal enum ScopeKind
{
    /// <summary>A module: names live in the globals dict.</summary>
    Module,

    /// <summary>A class body: names live in the class namespace dict.</summary>
    Class,

    /// <summary>A function, lambda, generator expression or comprehension: names live in frame slots.</summary>
    Function,
}
