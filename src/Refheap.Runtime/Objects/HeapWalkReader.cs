using System.Runtime.InteropServices;
using Refheap.Gc;
using Refheap.Memory;

namespace Refheap.Objects;

/// <summary>
/// Reads the labeled references of many objects in a row (the cycle report reads every
/// object of a collection's garbage) with one set of buffers: the same edges as
/// <see cref="HeapWalk.LabeledReferents(Heap, PyRef)"/>, without allocating lists per object,
/// and each str dict key read once. Use it while no object is freed (it remembers keys by
/// address), and dispose it when done (it holds a handle to its buffer for the traverse callback).
/// </summary>
internal sealed unsafe class HeapWalkReader : IDisposable
{
    private readonly Heap _heap;
    private readonly List<nint> _children = [];
    private readonly List<HeapWalkEdge> _named = [];

    // Attribute names are the same few str objects in every instance dict: read each once.
    private readonly Dictionary<nint, string> _strKeys = [];
    private GCHandle _handle;

    internal HeapWalkReader(Heap heap)
    {
        _heap = heap;
        _handle = GCHandle.Alloc(_children);
    }

    /// <summary>
    /// Fills <paramref name="into"/> (cleared first) with what the object at
    /// <paramref name="address"/> references, named (targets borrowed). The caller must have
    /// found the address among live objects.
    /// </summary>
    public void Read(nint address, List<HeapWalkEdge> into) => Read(address, into, collectableOnly: false);

    /// <summary>
    /// <see cref="Read(nint, List{HeapWalkEdge})"/> keeping only the references to objects of a
    /// collectable type (the only ones a collection's garbage holds); the names are those of the
    /// full list.
    /// </summary>
    public void ReadCollectable(nint address, List<HeapWalkEdge> into) => Read(address, into, collectableOnly: true);

    private void Read(nint address, List<HeapWalkEdge> into, bool collectableOnly)
    {
        ObjectDisposedException.ThrowIf(!_handle.IsAllocated, this);
        var o = (PyObject*)address;
        _children.Clear();

        // The handle stays allocated (and the list alive) until Dispose, so Collect may resolve it.
        o->Type->Descriptor.Traverse(o, &Collect, (void*)GCHandle.ToIntPtr(_handle));
        HeapWalk.Label(_heap, o, _children, _named, into, _strKeys);
        if (collectableOnly)
        {
            // Every target is a live object the traverse just visited.
            into.RemoveAll(e => !Collector.IsGcObject((PyObject*)e.Target));
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_handle.IsAllocated)
        {
            _handle.Free();
        }
    }

    private static int Collect(PyObject* child, void* arg)
    {
        ((List<nint>)GCHandle.FromIntPtr((nint)arg).Target!).Add((nint)child);
        return 0;
    }
}
