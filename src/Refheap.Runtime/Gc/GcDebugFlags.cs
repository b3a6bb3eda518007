namespace Refheap.Runtime.Gc;

/// <summary>The gc module's debug flags, with CPython's values.</summary>
[Flags]
public enum GcDebugFlags
{
    /// <summary>No debugging output.</summary>
    None = 0,

    /// <summary>DEBUG_STATS: print statistics during collection.</summary>
    Stats = 1 << 0,

    /// <summary>DEBUG_COLLECTABLE: print collectable objects found.</summary>
    Collectable = 1 << 1,

    /// <summary>DEBUG_UNCOLLECTABLE: print unreachable but uncollectable objects found.</summary>
    Uncollectable = 1 << 2,

    /// <summary>DEBUG_SAVEALL: save objects to gc.garbage rather than freeing them.</summary>
    SaveAll = 1 << 5,

    /// <summary>DEBUG_LEAK: COLLECTABLE | UNCOLLECTABLE | SAVEALL.</summary>
    Leak = Collectable | Uncollectable | SaveAll,
}
