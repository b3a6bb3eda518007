using System.Runtime.CompilerServices;
using Refheap.Objects;

namespace Refheap.Gc;

/// <summary>
/// move_unreachable's visit: a COLLECTING object referenced by a reachable one is
/// reachable — put back at young's end if it was moved to unreachable, else marked so the
/// scan keeps it.
/// </summary>
internal unsafe struct ReachableVisitor(GcHead* young) : IChildVisitor
{
    private readonly GcHead* _young = young;

    /// <summary>How many objects this visitor moved back from unreachable to young.</summary>
    public long Rescued { get; private set; }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Visit(PyObject* child)
    {
        if ((child->Type->Flags & TypeFlags.HaveGc) == 0)
        {
            return;
        }

        var g = GcHead.Of(child);

        // Objects of older generations, and those already scanned, are not COLLECTING.
        var prevField = g->Prev;
        if ((prevField & GcBits.Collecting) == 0)
        {
            return;
        }

        if ((prevField & GcBits.Unreachable) != 0)
        {
            // Moved to unreachable earlier, but reachable after all: unlink it and put it back
            // at young's end, where the scan will reach it again. (Young's back links are not
            // valid during the scan, so this appends by hand.)
            var young = _young;
            var prev = (GcHead*)(prevField & ~GcBits.PrevFlagsMask);
            var next = (GcHead*)g->Next;
            prev->Next = (nint)next;
            next->Prev = (next->Prev & GcBits.PrevFlagsMask) | (nint)prev;
            var last = (GcHead*)(young->Prev & ~GcBits.PrevFlagsMask);
            last->Next = (nint)g;
            g->Next = (nint)young;
            young->Prev = (nint)g;
            g->Prev = (prevField & GcBits.Finalized) | GcBits.Collecting | ((nint)1 << GcBits.RefsShift);
            Rescued++;
        }
        else if ((prevField >> GcBits.RefsShift) == 0)
        {
            // Still ahead in young: tell the scan it is reachable.
            g->Prev = (prevField & GcBits.PrevFlagsMask) | ((nint)1 << GcBits.RefsShift);
        }
    }

    /// <summary>
    /// The same visit as a tp_traverse callback, for the types traversed through their
    /// function; arg: this pass's visitor (a local of the scan, so its address is stable).
    /// </summary>
    public static int Function(PyObject* child, void* arg)
    {
        ((ReachableVisitor*)arg)->Visit(child);
        return 0;
    }
}
