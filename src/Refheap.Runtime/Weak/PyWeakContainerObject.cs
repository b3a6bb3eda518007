using System.Runtime.InteropServices;
using Refheap.Objects;

namespace Refheap.Weak;

/// <summary>
/// A WeakValueDictionary, WeakKeyDictionary or WeakSet: the attributes CPython's Python class
/// keeps in the instance's <c>__dict__</c>, as fields.
/// <code>
///  0 RefCount, Type   16 Data (dict or set)   24 Remove (the removal callback)
/// 32 PendingRemovals (list)   40 Iterating   48 DirtyLength   56 WeakList
/// </code>
/// Invariant: Data, Remove and PendingRemovals are owned and non-null from construction until
/// the collector clears the object; Remove holds only a weak reference back to the container,
/// so container and callbacks form no cycle.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyWeakContainerObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary><c>self.data</c>: a dict (key → KeyedRef, or weakref → value) or a set of weakrefs.</summary>
    public PyObject* Data;

    /// <summary><c>self._remove</c>: called with each dead weak reference; bound to a weak reference to this container.</summary>
    public PyObject* Remove;

    /// <summary><c>self._pending_removals</c>: what to remove once no iteration is in progress (a list).</summary>
    public PyObject* PendingRemovals;

    /// <summary><c>len(self._iterating)</c>: iteration guards entered and not yet left.</summary>
    public nint Iterating;

    /// <summary><c>self._dirty_len</c> (3.x WeakKeyDictionary): an explicit deletion may have left stale pending removals.</summary>
    public nint DirtyLength;

    /// <summary>Head of the weak references to this container.</summary>
    public PyObject* WeakList;
}
