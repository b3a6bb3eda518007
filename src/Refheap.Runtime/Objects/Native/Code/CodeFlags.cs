namespace Refheap.Objects.Native.Code;

/// <summary>Facts about a code object (a subset of CPython's <c>co_flags</c>, same bits).</summary>
[Flags]
internal enum CodeFlags
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Locals live in frame slots (a function), not in a dict (module, class body).</summary>
    Optimized = 0x1,

    /// <summary>A new locals dict is made for each run (a function).</summary>
    NewLocals = 0x2,

    /// <summary>Takes <c>*args</c>.</summary>
    VarArgs = 0x4,

    /// <summary>Takes <c>**kwargs</c>.</summary>
    VarKeywords = 0x8,

    /// <summary>A nested function.</summary>
    Nested = 0x10,

    /// <summary>A generator function: calling it makes a generator.</summary>
    Generator = 0x20,
}
