using System.Runtime.InteropServices;
using Refheap.Objects;

namespace Refheap.Weak;

/// <summary>
/// A generator of a weak container (<c>WeakSet.__iter__</c>, <c>WeakValueDictionary.keys</c>...):
/// the state of CPython's suspended generator frame.
/// <code>
///  0 RefCount, Type   16 Container   24 Key   32 Ref   40 Value (the frame's locals, owned)
/// 48 Position   56 ExpectedSize   64 Remaining   72 Kind   76 State
/// </code>
/// While the generator runs it has entered the container's iteration guard, so the container
/// defers removals; the locals keep the last yielded entry alive until the next step, as the
/// suspended frame does.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyWeakIteratorObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The container (the frame's <c>self</c>), owned until the generator finishes.</summary>
    public PyObject* Container;

    /// <summary>The local holding the last entry's key (<c>k</c>), owned or null.</summary>
    public PyObject* Key;

    /// <summary>The local holding the last entry's weak reference (<c>wr</c>, <c>itemref</c>), owned or null.</summary>
    public PyObject* Ref;

    /// <summary>The local holding the last entry's strong object (<c>obj</c>, <c>value</c>, <c>item</c>), owned or null.</summary>
    public PyObject* Value;

    /// <summary>The position of the dict or set iterator over the data.</summary>
    public nint Position;

    /// <summary>The data's size when iteration started (di_used); -1 once a change was reported.</summary>
    public nint ExpectedSize;

    /// <summary>Items the dict iterator still expects (di_len).</summary>
    public nint Remaining;

    /// <summary>What the generator yields (<see cref="WeakIterationKind"/>).</summary>
    public int Kind;

    /// <summary>Not started, running (suspended at a yield) or finished (<see cref="WeakIteratorType"/>).</summary>
    public int State;
}
