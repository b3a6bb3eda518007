namespace Refheap.Diagnostics.Heapy;

/// <summary>How heapy groups a set of objects into the rows of its table.</summary>
public enum PartitionKind
{
    /// <summary>By class or dict owner (heapy's default, <c>byclodo</c>): an instance's dict counts as <c>dict of</c> its class.</summary>
    Clodo,

    /// <summary>By type (<c>bytype</c>): every dict is <c>dict</c>.</summary>
    Type,

    /// <summary>By the kinds of the objects' referrers (<c>byrcs</c>).</summary>
    Rcs,

    /// <summary>By individual size (<c>bysize</c>).</summary>
    Size,
}
