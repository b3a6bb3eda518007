namespace Refheap.Objects.Native.Slice;

/// <summary>
/// A slice resolved against a sequence's length (CPython's PySlice_GetIndicesEx): the first
/// index, the step, and how many items it selects; index i of the selection is
/// <c>Start + i * Step</c>.
/// </summary>
/// <param name="Start">The first index (meaningful only when <paramref name="Count"/> &gt; 0).</param>
/// <param name="Stop">The adjusted stop, past the last index in the direction of the step.</param>
/// <param name="Step">The step, never zero.</param>
/// <param name="Count">How many items the slice selects.</param>
internal readonly record struct SliceIndices(nint Start, nint Stop, nint Step, nint Count)
{
    /// <summary>The sequence index of the selection's item <paramref name="i"/>.</summary>
    public nint this[nint i] => Start + (i * Step);

    /// <summary>Whether the slice selects a contiguous run in forward order (step 1).</summary>
    public bool IsSimple => Step == 1;
}
