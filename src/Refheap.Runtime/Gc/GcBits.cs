namespace Refheap.Gc;

/// <summary>
/// The bits packed into a <see cref="Objects.GcHead"/>, as CPython 3.8+ packs them.
/// </summary>
/// <remarks>
/// <code>
///  Prev:  [ back link, or gc_refs &lt;&lt; 2 during a collection ][ COLLECTING ][ FINALIZED ]
///  Next:  [ forward link                                       ][ UNREACHABLE (move_unreachable only) ]
///  untracked: Next == 0 (Prev keeps only FINALIZED)
/// </code>
/// Headers are 16-byte aligned, so the low bits of a link are free for flags.
/// </remarks>
internal static class GcBits
{
    /// <summary>Prev bit 0: the object's finalizer has run (PEP 442; 3.12 only).</summary>
    public const nint Finalized = 1;

    /// <summary>Prev bit 1: the object is in the generations being collected.</summary>
    public const nint Collecting = 2;

    /// <summary>Both flag bits of Prev.</summary>
    public const nint PrevFlagsMask = 3;

    /// <summary>How far gc_refs is shifted in Prev.</summary>
    public const int RefsShift = 2;

    /// <summary>Next bit 0: the object is in the tentatively unreachable list during move_unreachable.</summary>
    public const nint Unreachable = 1;
}
