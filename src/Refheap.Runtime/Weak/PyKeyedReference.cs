using System.Runtime.InteropServices;
using Refheap.Objects;

namespace Refheap.Weak;

/// <summary>
/// A <c>weakref.KeyedRef</c>: a weak reference laid out as <see cref="PyWeakReference"/>, then
/// the key of the WeakValueDictionary entry it is the value of (the class's one slot).
/// <code>
///  0 .. 56  PyWeakReference   56 Key (owned)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyKeyedReference
{
    /// <summary>The weak reference part; the weakref machinery reads only this.</summary>
    public PyWeakReference Base;

    /// <summary>The entry's key (<c>self.key</c>), owned.</summary>
    public PyObject* Key;
}
