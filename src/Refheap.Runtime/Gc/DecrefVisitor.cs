using System.Runtime.CompilerServices;
using Refheap.Objects;

namespace Refheap.Gc;

/// <summary>subtract_refs' visit: one reference less from outside for a COLLECTING object.</summary>
internal unsafe struct DecrefVisitor : IChildVisitor
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
        }
    }

    /// <summary>The same visit as a tp_traverse callback, for the types traversed through their function.</summary>
    public static int Function(PyObject* child, void* arg)
    {
        default(DecrefVisitor).Visit(child);
        return 0;
    }
}
