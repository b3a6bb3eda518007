namespace Refheap.Diagnostics.Heapy;

/// <summary>One row of heapy's table.</summary>
/// <param name="Index">The row's position, largest total size first.</param>
/// <param name="Count">Objects of this kind.</param>
/// <param name="Size">Their total size.</param>
/// <param name="CumulativeSize">The total size of this row and all rows above it.</param>
/// <param name="Kind">The kind, as heapy names it.</param>
public readonly record struct PartitionRow(int Index, long Count, long Size, long CumulativeSize, string Kind);
