namespace Refheap.Python.Compiler;

/// <summary>Where a name used in a scope lives, which picks the load/store instruction.</summary>
internal enum NameBinding
{
    /// <summary>A fast local of a function (LoadFast).</summary>
    Fast,

    /// <summary>A local of a function that nested functions capture (a cell: LoadDeref).</summary>
    Cell,

    /// <summary>A variable of an enclosing function (LoadDeref through the closure).</summary>
    Free,

    /// <summary>Declared <c>global</c>, or used without binding in a function (LoadGlobal).</summary>
    Global,

    /// <summary>Module or class body name (LoadName).</summary>
    Name,
}
