using System.Runtime.InteropServices;
using Refheap.Objects;

namespace Refheap.Weak;

/// <summary>
/// A <c>weakref.finalize</c> with its registry entry (CPython's <c>finalize._Info</c>) inline.
/// <code>
///  0 RefCount, Type   16 WeakRef   24 Func   32 Args   40 Kwargs   48 Index   56 Flags
/// </code>
/// Invariant: while registered (alive), WeakRef, Func and Args are owned and non-null and the
/// type's registry owns a reference to the object; WeakRef's callback is the object itself.
/// Once called or detached all four slots are null.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyFinalizeObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary><c>info.weakref</c>: <c>ref(obj, self)</c>, owned.</summary>
    public PyObject* WeakRef;

    /// <summary><c>info.func</c>, owned.</summary>
    public PyObject* Func;

    /// <summary><c>info.args</c>: a tuple, owned.</summary>
    public PyObject* Args;

    /// <summary><c>info.kwargs</c>: a dict, owned, or null for none.</summary>
    public PyObject* Kwargs;

    /// <summary><c>info.index</c>: the order of creation.</summary>
    public long Index;

    /// <summary><see cref="FinalizeFlags"/>.</summary>
    public long Flags;
}

/// <summary>The state bits of a <see cref="PyFinalizeObject"/>.</summary>
[Flags]
internal enum FinalizeFlags : long
{
    /// <summary>Neither.</summary>
    None = 0,

    /// <summary>In the registry: not yet called nor detached (<c>alive</c>).</summary>
    Registered = 1 << 0,

    /// <summary><c>info.atexit</c>: run at shutdown if still alive.</summary>
    AtExit = 1 << 1,
}
