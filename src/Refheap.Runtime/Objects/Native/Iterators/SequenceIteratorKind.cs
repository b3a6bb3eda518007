namespace Refheap.Objects.Native.Iterators;

/// <summary>What a <see cref="SequenceIteratorType"/> walks, and how.</summary>
internal enum SequenceIteratorKind
{
    /// <summary>A list, forwards, re-reading its size at every step (listiterator).</summary>
    List,

    /// <summary>A list, backwards (listreverseiterator).</summary>
    ReversedList,

    /// <summary>A tuple (tupleiterator).</summary>
    Tuple,

    /// <summary>A str, one character at a time (3.x's str iterators).</summary>
    Str,

    /// <summary>Any object through <c>__getitem__(0)</c>, <c>__getitem__(1)</c>... until IndexError or StopIteration (seqiterobject, <c>iterator</c>).</summary>
    GetItem,
}
