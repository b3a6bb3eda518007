namespace Refheap.Objects.Native.BuiltinIterators;

/// <summary>Which built-in's iterator a <see cref="BuiltinIteratorType"/> is.</summary>
internal enum BuiltinIteratorKind
{
    /// <summary><c>map(function, *iterables)</c> (3.x).</summary>
    Map,

    /// <summary><c>filter(function or None, iterable)</c> (3.x).</summary>
    Filter,

    /// <summary><c>zip(*iterables, strict=False)</c> (3.x).</summary>
    Zip,

    /// <summary><c>enumerate(iterable, start=0)</c>.</summary>
    Enumerate,

    /// <summary><c>reversed(sequence)</c> over <c>__getitem__</c> and <c>__len__</c>.</summary>
    Reversed,
}
