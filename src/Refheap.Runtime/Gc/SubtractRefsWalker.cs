using Refheap.Memory;
using Refheap.Objects;

namespace Refheap.Gc;

/// <summary>
/// <see cref="Collector"/>'s fused update and subtract pass as a walk over the allocator's
/// object map: each tracked GC object not yet COLLECTING gets gc_refs = its count, then its
/// children lose one reference each (<see cref="DecrefSettingRefsVisitor"/>).
/// </summary>
internal unsafe struct SubtractRefsWalker : IObjectWalker
{
    private DecrefSettingRefsVisitor _visitor;

    /// <summary>Tracked objects visited.</summary>
    public long Count { get; private set; }

    /// <inheritdoc/>
    public void Visit(nint objectAddress, BlockKind kind)
    {
        if (kind != BlockKind.GcObject)
        {
            return;
        }

        var o = (PyObject*)objectAddress;
        var g = GcHead.Of(o);
        if (g->Next == 0)
        {
            return;
        }

        if ((g->Prev & GcBits.Collecting) == 0)
        {
            g->Prev = (g->Prev & GcBits.Finalized) | GcBits.Collecting | (o->RefCount << GcBits.RefsShift);
        }

        ChildTraversal.Traverse(o, ref _visitor, &DecrefSettingRefsVisitor.Function, null);
        Count++;
    }
}
