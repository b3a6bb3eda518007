using System.Runtime.InteropServices;

namespace Refheap.Objects;

/// <summary>The 16-byte GC header that precedes every object of a collectable type.</summary>
/// <remarks>
/// Outside a collection the header links the object into its generation's circular doubly
/// linked list (both fields are <see cref="GcHead"/> addresses; both zero = untracked).
/// During a collection <see cref="Prev"/> temporarily holds the object's gc_refs, shifted
/// left past two flag bits, as CPython 3.8+ does; the
/// collector restores the back links before it returns (Gc/Collector.cs draws the states).
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GcHead
{
    /// <summary>Next header in the list (low bit: the "unreachable" mark during a collection).</summary>
    public nint Next;

    /// <summary>Previous header in the list, or the gc_refs word during a collection.</summary>
    public nint Prev;

    /// <summary>The object that follows this header.</summary>
    public readonly PyObject* Object
    {
        get
        {
            fixed (GcHead* self = &this)
            {
                return (PyObject*)(self + 1);
            }
        }
    }

    /// <summary>The header in front of a collectable object.</summary>
    public static GcHead* Of(PyObject* o) => (GcHead*)o - 1;
}
