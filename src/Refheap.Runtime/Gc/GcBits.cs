namespace Refheap.Gc;

/// <summary>
/// The bits packed into a <see cref="Objects.GcHead"/>, as CPython 3.8+ packs them.
/// </summary>
/// <remarks>
/// <code>
///  Prev:  [ back link, or gc_refs &lt;&lt; 3 while being scanned ][ UNREACHABLE ][ COLLECTING ][ FINALIZED ]
///  Next:  [ forward link                                                                        ]
///  untracked: Next == 0 (Prev keeps only FINALIZED)
/// </code>
/// Headers are 16-byte aligned, so the low bits of a link are free for flags. CPython keeps
/// the UNREACHABLE mark in Next; here it sits in Prev beside the other flags, so Next stays a
/// plain pointer and the unreachable list needs no pass to clear the marks.
/// </remarks>
internal static class GcBits
{
    /// <summary>Prev bit 0: the object's finalizer has run (PEP 442; 3.12 only).</summary>
    public const nint Finalized = 1;

    /// <summary>Prev bit 1: the object is in the generations being collected.</summary>
    public const nint Collecting = 2;

    /// <summary>Prev bit 2: the object is in the tentatively unreachable list (set by move_unreachable, cleared when it leaves it).</summary>
    public const nint Unreachable = 4;

    /// <summary>The flag bits of Prev.</summary>
    public const nint PrevFlagsMask = 7;

    /// <summary>How far gc_refs is shifted in Prev.</summary>
    public const int RefsShift = 3;
}
