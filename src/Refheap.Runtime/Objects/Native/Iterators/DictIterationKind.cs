namespace Refheap.Objects.Native.Iterators;

/// <summary>What a dict iterator or view gives: keys, values, or (key, value) tuples.</summary>
internal enum DictIterationKind
{
    /// <summary>The keys.</summary>
    Keys,

    /// <summary>The values.</summary>
    Values,

    /// <summary>(key, value) tuples.</summary>
    Items,
}
