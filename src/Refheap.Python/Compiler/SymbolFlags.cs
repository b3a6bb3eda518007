namespace Refheap.Python.Compiler;

/// <summary>What a scope does with a name.</summary>
[Flags]
internal enum SymbolFlags
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A parameter.</summary>
    Parameter = 1,

    /// <summary>Bound here (assignment, def, class, import, for, with, except, del).</summary>
    Assigned = 2,

    /// <summary>Read here.</summary>
    Used = 4,

    /// <summary>Declared <c>global</c>.</summary>
    Global = 8,

    /// <summary>Declared <c>nonlocal</c>.</summary>
    Nonlocal = 16,

    /// <summary>
    /// A variable of a comprehension compiled inline in this block (3.12, PEP 709): it has a
    /// slot in this block's frame, but the block's own code does not bind it.
    /// </summary>
    ComprehensionLocal = 32,
}
