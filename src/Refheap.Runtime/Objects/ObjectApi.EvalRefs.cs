using System.Runtime.CompilerServices;

namespace Refheap.Objects;

/// <summary>
/// Reference counting for the evaluator's loop, forced inline: the loop is one large method
/// whose inlining budget runs out, and a PyRef instance method left as a call takes its
/// local's address, so the JIT keeps that local in memory through the whole loop.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary><paramref name="o"/> with one more reference (Py_NewRef): a new reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyRef NewRef(PyRef o)
    {
        o.Ptr->RefCount++;
        return o;
    }

    /// <summary>Drops an owned reference (Py_DECREF): the decrement in line, deallocation (and the negative-count check) in <see cref="Heap.DecRef"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Release(PyRef o)
    {
        // Invariant: o is an owned reference, so its object is live and its count at least 1.
        if (o.Ptr->RefCount > 1)
        {
            o.Ptr->RefCount--;
        }
        else
        {
            Heap.DecRef(o.Ptr);
        }
    }
}
