namespace Refheap.Objects.Native.Dict;

/// <summary>
/// 3.12's probe sequence over a compact table's index slots, written once for every walk of
/// the indices (_Py_dict_lookup, find_empty_slot, lookdict_index, build_indices).
/// </summary>
/// <remarks>
/// The first slot is <c>hash &amp; mask</c>; then <c>perturb &gt;&gt;= 5; i = (i*5 + perturb + 1) &amp; mask</c>,
/// with perturb starting at the hash. Unlike 2.7's sequence (DictType.Classic.cs), perturb is
/// shifted before it is used. A local of this type lives in registers: its methods are small
/// enough to be inlined.
/// </remarks>
internal unsafe struct IndexProbe
{
    private readonly nuint _mask;
    private nuint _perturb;

    /// <summary>Starts the sequence of <paramref name="hash"/> in <paramref name="dk"/>'s index slots.</summary>
    public IndexProbe(DictKeysObject* dk, long hash)
    {
        _mask = ((nuint)1 << dk->Log2Size) - 1;
        _perturb = (nuint)hash;
        Slot = (nuint)hash & _mask;
    }

    /// <summary>The index slot to look at.</summary>
    public nuint Slot { get; private set; }

    /// <summary>Moves to the next slot of the sequence.</summary>
    public void Next()
    {
        _perturb >>= DictType.PerturbShift;
        Slot = _mask & ((Slot * 5) + _perturb + 1);
    }
}
