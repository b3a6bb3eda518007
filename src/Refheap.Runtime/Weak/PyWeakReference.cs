using System.Runtime.InteropServices;

namespace Refheap.Weak;

/// <summary>
/// A weak reference (or proxy), laid out as CPython's PyWeakReference.
/// <code>
///  0 RefCount, Type   16 Referent (BORROWED; None once cleared)   24 Callback (owned or null)
/// 32 Hash (-1 until computed)   40 Prev   48 Next   (the referent's list of weak references)
/// </code>
/// Invariant: while Referent is not None, this object is in the referent's list, whose head
/// sits in the referent's weak-list slot; clearing unlinks it and sets Referent to None.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyWeakReference
{
    /// <summary>Reference count and type.</summary>
    public Objects.PyObject Base;

    /// <summary>The object referred to, not owned; None after it died.</summary>
    public Objects.PyObject* Referent;

    /// <summary>Called with this weak reference when the referent dies (owned), or null.</summary>
    public Objects.PyObject* Callback;

    /// <summary>The referent's hash, cached at the first <c>hash()</c> (-1: not yet).</summary>
    public long Hash;

    /// <summary>Previous weak reference to the same referent.</summary>
    public PyWeakReference* Prev;

    /// <summary>Next weak reference to the same referent.</summary>
    public PyWeakReference* Next;
}
