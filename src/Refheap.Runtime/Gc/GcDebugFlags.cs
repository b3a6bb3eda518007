namespace Refheap.Gc;

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

    /// <summary>DEBUG_INSTANCES (2.7 only): print old-style instances found (Refheap has none).</summary>
    Instances = 1 << 3,

    /// <summary>DEBUG_OBJECTS (2.7 only): with COLLECTABLE/UNCOLLECTABLE, print the objects found.</summary>
    Objects = 1 << 4,

    /// <summary>DEBUG_SAVEALL: save objects to gc.garbage rather than freeing them.</summary>
    SaveAll = 1 << 5,

    /// <summary>DEBUG_LEAK as 3.x defines it: COLLECTABLE | UNCOLLECTABLE | SAVEALL (38).</summary>
    Leak = Collectable | Uncollectable | SaveAll,

    /// <summary>DEBUG_LEAK as 2.7 defines it: also INSTANCES | OBJECTS (62).</summary>
    LeakPy27 = Leak | Instances | Objects,
}
