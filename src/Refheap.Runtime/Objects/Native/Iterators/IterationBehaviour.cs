namespace Refheap.Objects.Native.Iterators;

/// <summary>
/// Where the built-in types' iteration, methods and comparison slots differ between the two CPythons, one
/// named field per difference (as <see cref="Profile"/> does for the interpreter). Read
/// through <see cref="For"/>.
/// </summary>
/// <remarks>These belong in <see cref="Profile"/>; they live here until that file takes them.</remarks>
internal sealed class IterationBehaviour
{
    /// <summary>CPython 2.7.18.</summary>
    public static IterationBehaviour Py27 { get; } = new()
    {
        SearchComparesElementFirst = false,
        DictIteratorChecksKeysChanged = false,
        StrHasOwnIterator = false,
        NextMethodName = "next",
        RangeTypeName = "xrange",
        DictMethodsReturnViews = false,
        RangeIsFullSequence = false,
        StrIsBytes = true,
        ListPreallocatesExactly = false,
        SlotCompareTriesBothSides = true,
    };

    /// <summary>CPython 3.12.1.</summary>
    public static IterationBehaviour Py312 { get; } = new()
    {
        SearchComparesElementFirst = true,
        DictIteratorChecksKeysChanged = true,
        StrHasOwnIterator = true,
        NextMethodName = "__next__",
        RangeTypeName = "range",
        DictMethodsReturnViews = true,
        RangeIsFullSequence = true,
        StrIsBytes = false,
        ListPreallocatesExactly = true,
        SlotCompareTriesBothSides = false,
    };

    /// <summary>
    /// 3.8+ (bpo-37648): <c>in</c>, <c>index</c>, <c>count</c> and <c>remove</c> compare
    /// <c>element == value</c>; 2.7 compares <c>value == element</c>, so a different
    /// <c>__eq__</c> runs first.
    /// </summary>
    public required bool SearchComparesElementFirst { get; init; }

    /// <summary>3.x: a dict iterator that finds more keys than the dict had raises "dictionary keys changed during iteration".</summary>
    public required bool DictIteratorChecksKeysChanged { get; init; }

    /// <summary>3.x: str has its own iterators (<c>str_ascii_iterator</c>, <c>str_iterator</c>); 2.7's str iterates through the generic <c>iterator</c> over <c>__getitem__</c>.</summary>
    public required bool StrHasOwnIterator { get; init; }

    /// <summary>The iterator method: 2.7 <c>next</c>, 3.x <c>__next__</c>.</summary>
    public required string NextMethodName { get; init; }

    /// <summary>The lazy range type: 2.7 <c>xrange</c>, 3.x <c>range</c>.</summary>
    public required string RangeTypeName { get; init; }

    /// <summary>3.x: <c>keys()</c>, <c>values()</c> and <c>items()</c> return views; 2.7 returns lists (and has <c>iterkeys()</c>...).</summary>
    public required bool DictMethodsReturnViews { get; init; }

    /// <summary>3.x: range is a full sequence (start/stop/step, index, count, ==, repr <c>range(0, 5)</c>); 2.7's xrange is bare (repr <c>xrange(5)</c>).</summary>
    public required bool RangeIsFullSequence { get; init; }

    /// <summary>
    /// 2.7: str is a byte string, so its methods know ASCII only (case, letters, digits,
    /// whitespace) and split lines at \n and \r alone; 3.x's str methods are Unicode's.
    /// </summary>
    public required bool StrIsBytes { get; init; }

    /// <summary>
    /// 3.x: a list built from an iterable of known length, or an empty list extended, gets
    /// exactly the room needed (rounded up to even: list_preallocate_exact); 2.7 always grows
    /// it with its over-allocation.
    /// </summary>
    public required bool ListPreallocatesExactly { get; init; }

    /// <summary>
    /// 2.7: a class's comparison slot (slot_tp_richcompare) tries the instance's method, then the
    /// other operand's reflected one; 3.x's slot tries its own side only, and the rich comparison
    /// protocol alone tries the other.
    /// </summary>
    public required bool SlotCompareTriesBothSides { get; init; }

    /// <summary>The behaviour of a profile.</summary>
    public static IterationBehaviour For(Profile profile) => profile.IntPromotesToLong ? Py27 : Py312;
}
