using Refheap.Memory;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects;

/// <summary>Counts the live objects of a heap by type (DESIGN.md, "The census").</summary>
internal static unsafe class CensusTaker
{
    /// <summary>Walks every object block and counts those that are alive and not kept for ever.</summary>
    public static Census Take(Heap heap)
    {
        var walker = new Walker { Counts = new Dictionary<nint, long>() };
        heap.Allocator.WalkObjects(ref walker);
        heap.WalkOwnBlockObjects(address => walker.Visit(address, BlockKind.Object));
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (type, count) in walker.Counts)
        {
            var name = ((PyTypeObject*)type)->Descriptor.QualifiedName;
            byType[name] = byType.GetValueOrDefault(name) + count;
        }

        return new Census(byType, heap.Allocator.BytesInUse, heap.Allocator.BytesMapped);
    }

    private struct Walker : IObjectWalker
    {
        public Dictionary<nint, long> Counts;

        public readonly void Visit(nint objectAddress, BlockKind kind)
        {
            var o = (PyObject*)objectAddress;

            // Count 0: a block kept on a free list. Immortal: singletons, built-in types, caches.
            if (o->RefCount <= 0 || o->RefCount >= Heap.ImmortalRefCount)
            {
                return;
            }

            if (o->Type->Descriptor is StrType && StrType.IsInterned(o))
            {
                return;
            }

            var type = (nint)o->Type;
            Counts[type] = Counts.GetValueOrDefault(type) + 1;
        }
    }
}
