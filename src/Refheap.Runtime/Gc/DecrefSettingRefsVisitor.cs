using System.Runtime.CompilerServices;
using Refheap.Objects;

namespace Refheap.Gc;

/// <summary>
/// The fused update+subtract visit of a full collection with nothing frozen: a tracked
/// object not yet COLLECTING gets gc_refs = refcount - 1 on first touch; a COLLECTING one
/// loses one reference.
/// </summary>
internal unsafe struct DecrefSettingRefsVisitor : IChildVisitor
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Visit(PyObject* child)
    {
        if ((child->Type->Flags & TypeFlags.HaveGc) != 0)
        {
            var g = GcHead.Of(child);
            if ((g->Prev & GcBits.Collecting) != 0)
            {
                g->Prev -= (nint)1 << GcBits.RefsShift;
            }
            else if (g->Next != 0)
            {
                g->Prev = (g->Prev & GcBits.Finalized) | GcBits.Collecting | ((child->RefCount - 1) << GcBits.RefsShift);
            }
        }
    }

    /// <summary>The same visit as a tp_traverse callback, for the types traversed through their function.</summary>
    public static int Function(PyObject* child, void* arg)
    {
        default(DecrefSettingRefsVisitor).Visit(child);
        return 0;
    }
}
