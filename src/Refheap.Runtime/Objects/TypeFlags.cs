namespace Refheap.Objects;

/// <summary>Flags kept in the type object itself, so hot paths need not reach the managed descriptor.</summary>
[Flags]
internal enum TypeFlags : long
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary>Instances have a GC header (Py_TPFLAGS_HAVE_GC).</summary>
    HaveGc = 1 << 0,

    /// <summary>A user class (Py_TPFLAGS_HEAPTYPE).</summary>
    HeapType = 1 << 1,

    /// <summary>Instances have <c>__del__</c> (tp_finalize in 3.12, tp_del in 2.7).</summary>
    HasFinalizer = 1 << 2,

    /// <summary>
    /// Instances have a weak-reference list (a non-zero <see cref="TypeDescriptor.WeakListOffset"/>)
    /// or are weak references: the only objects the collector's weakref phase has work for.
    /// </summary>
    WeakReferenceWork = 1 << 3,
}
