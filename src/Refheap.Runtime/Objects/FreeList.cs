namespace Refheap.Objects;

/// <summary>
/// A bounded stack of freed object blocks of one type and size, kept for reuse as CPython's
/// per-type free lists are. The blocks stay allocated (and counted as in use) while listed.
/// </summary>
internal sealed unsafe class FreeList
{
    private readonly nint[] _blocks;
    private readonly Action<nint> _release;

    /// <summary>Creates a free list of at most <paramref name="capacity"/> blocks; <paramref name="release"/> returns one block to the allocator.</summary>
    public FreeList(string name, int capacity, Action<nint> release)
    {
        Name = name;
        _blocks = new nint[capacity];
        _release = release;
    }

    /// <summary>The list's name, e.g. <c>tuple[3]</c> or <c>float</c>.</summary>
    public string Name { get; }

    /// <summary>Blocks currently kept.</summary>
    public int Count { get; private set; }

    /// <summary>Most blocks the list keeps.</summary>
    public int Capacity => _blocks.Length;

    /// <summary>Keeps a freed object's block if there is room; false when the caller must free it.</summary>
    public bool TryPush(PyObject* o)
    {
        if (Count == _blocks.Length)
        {
            return false;
        }

        _blocks[Count++] = (nint)o;
        return true;
    }

    /// <summary>The heap whose <see cref="Heap.AllocationObserver"/> hears of each block taken (set when the list is registered).</summary>
    public Heap? Owner { get; set; }

    /// <summary>Takes a kept block, or null when empty.</summary>
    public PyObject* TryPop()
    {
        if (Count == 0)
        {
            return null;
        }

        var o = (PyObject*)_blocks[--Count];
        Owner?.AllocationObserver?.Invoke((nint)o);
        return o;
    }

    /// <summary>Returns every kept block to the allocator (what a full collection does).</summary>
    public void Clear()
    {
        while (Count > 0)
        {
            _release(_blocks[--Count]);
        }
    }
}
