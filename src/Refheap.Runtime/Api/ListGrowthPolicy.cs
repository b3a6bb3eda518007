namespace Refheap;

/// <summary>The over-allocation formula of list_resize.</summary>
public enum ListGrowthPolicy
{
    /// <summary>2.7: newsize + newsize/8 + (newsize &lt; 9 ? 3 : 6).</summary>
    Cpython27,

    /// <summary>3.9+: (newsize + newsize/8 + 6) rounded down to a multiple of 4, or newsize rounded up to 4 for big jumps.</summary>
    Cpython312,
}
