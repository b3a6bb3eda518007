using System.Diagnostics;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// CPython 2.7's private allocator for ints and floats (intobject.c, floatobject.c): objects
/// of one type live in blocks of their own, and freed objects go on a free list that only
/// that type reuses. This is the talk's leak #2: a million ints, once freed, stay as free
/// ints; the memory goes back only when a whole block is free and a full collection runs the
/// clearer (PyInt_ClearFreeList / PyFloat_ClearFreeList).
/// </summary>
/// <remarks>
/// <code>
///  block (BlockBytes = 8 + 41 × 24 = 992 bytes, one heap buffer)
///  ┌──────────┬──────────┬──────────┬─────┬───────────┐
///  │ Next     │ object 0 │ object 1 │ ... │ object 40 │   each object: 24 bytes
///  └──────────┴──────────┴──────────┴─────┴───────────┘
///
///  object state      RefCount   Type                        moved by
///  ──────────────    ────────   ─────────────────────────   ─────────────────────────
///  free              0          next free object, or null   Free, Clear (rebuilds the list)
///  live              ≥ 1        the type object             Allocate
/// </code>
/// As 2.7's fill_free_list, a new block links its objects from the last to the first, so the
/// first allocation from a block takes its last object. The blocks come from the heap
/// allocator as buffers, so their bytes count as in use, but a heap walk does not see the
/// objects inside: <see cref="WalkLive"/> visits them.
/// </remarks>
internal sealed unsafe class OwnBlocks
{
    /// <summary>2.7's BLOCK_SIZE: "1K less typical malloc overhead".</summary>
    public const int BlockSize = 1000;

    /// <summary>2.7's BHEAD_SIZE: the block's link to the next block.</summary>
    public const int BlockHeadSize = 8;

    /// <summary>Bytes per object (PyIntObject and PyFloatObject are both 24 bytes).</summary>
    public const int ObjectSize = 24;

    /// <summary>Objects per block: 2.7's N_INTOBJECTS / N_FLOATOBJECTS, (1000 - 8) / 24 = 41.</summary>
    public const int ObjectsPerBlock = (BlockSize - BlockHeadSize) / ObjectSize;

    /// <summary>Bytes of one block as allocated: 8 + 41 × 24 = 992 (2.7's sizeof(PyIntBlock)).</summary>
    public const int BlockBytes = BlockHeadSize + (ObjectsPerBlock * ObjectSize);

    private readonly Heap _heap;
    private readonly TypeDescriptor _type;
    private byte* _blocks;
    private PyObject* _free;

    /// <summary>Creates an empty store for the exact instances of <paramref name="type"/>.</summary>
    public OwnBlocks(Heap heap, TypeDescriptor type)
    {
        Debug.Assert(sizeof(PyIntObject) == ObjectSize, "PyIntObject must be 24 bytes");
        Debug.Assert(sizeof(Float.PyFloatObject) == ObjectSize, "PyFloatObject must be 24 bytes");
        _heap = heap;
        _type = type;
    }

    /// <summary>Blocks currently held.</summary>
    public int BlockCount { get; private set; }

    /// <summary>Objects handed out and not yet freed.</summary>
    public int LiveCount { get; private set; }

    /// <summary>Free objects in the held blocks (kept for reuse, not live).</summary>
    public int FreeCount => (BlockCount * ObjectsPerBlock) - LiveCount;

    /// <summary>
    /// Takes a free object (a new block when none is left): count 1, type set, the value
    /// field left for the caller. Null with MemoryError set when no block can be had.
    /// </summary>
    public PyObject* Allocate()
    {
        if (_free == null && !FillFreeList())
        {
            return null;
        }

        var o = _free;
        _free = (PyObject*)o->Type;
        o->RefCount = 1;
        o->Type = _type.TypeObject;
        LiveCount++;
        return o;
    }

    /// <summary>Puts an object whose count reached zero on the free list (int_dealloc / float_dealloc).</summary>
    public void Free(PyObject* o)
    {
        Debug.Assert(o->RefCount == 0 && o->Type == _type.TypeObject, "only dead objects of the store's type go on its free list");
        o->Type = (PyTypeObject*)_free;
        _free = o;
        LiveCount--;
    }

    /// <summary>
    /// Returns every wholly free block to the allocator and rebuilds the free list from the
    /// blocks that stay (PyInt_ClearFreeList). Returns the number of live objects.
    /// After this: every held block has at least one live object.
    /// </summary>
    public int Clear()
    {
        var list = _blocks;
        _blocks = null;
        _free = null;
        BlockCount = 0;
        var live = 0;
        while (list != null)
        {
            var next = *(byte**)list;
            var used = 0;
            for (var i = 0; i < ObjectsPerBlock; i++)
            {
                if (IsLive(ObjectAt(list, i)))
                {
                    used++;
                }
            }

            if (used == 0)
            {
                _heap.FreeBuffer(list, BlockBytes);
            }
            else
            {
                *(byte**)list = _blocks;
                _blocks = list;
                BlockCount++;
                for (var i = 0; i < ObjectsPerBlock; i++)
                {
                    var o = ObjectAt(list, i);
                    if (!IsLive(o))
                    {
                        o->Type = (PyTypeObject*)_free;
                        _free = o;
                    }
                }
            }

            live += used;
            list = next;
        }

        Debug.Assert(live == LiveCount, "the live count must match the blocks' contents");
        return live;
    }

    /// <summary>Calls <paramref name="visit"/> with the address of every live object in the blocks.</summary>
    public void WalkLive(Action<nint> visit)
    {
        for (var block = _blocks; block != null; block = *(byte**)block)
        {
            for (var i = 0; i < ObjectsPerBlock; i++)
            {
                var o = ObjectAt(block, i);
                if (IsLive(o))
                {
                    visit((nint)o);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="address"/> is an object slot (live or free) in one of the blocks.</summary>
    public bool Contains(nint address)
    {
        for (var block = _blocks; block != null; block = *(byte**)block)
        {
            var offset = address - (nint)(block + BlockHeadSize);
            if (offset >= 0 && offset < ObjectsPerBlock * ObjectSize)
            {
                return offset % ObjectSize == 0;
            }
        }

        return false;
    }

    // 2.7 tests PyInt_CheckExact(p) && p->ob_refcnt != 0: a free object's type field is a list link.
    private bool IsLive(PyObject* o) => o->RefCount != 0 && o->Type == _type.TypeObject;

    private static PyObject* ObjectAt(byte* block, int i) => (PyObject*)(block + BlockHeadSize + (i * ObjectSize));

    // fill_free_list: a new block whose objects are linked from the last to the first.
    private bool FillFreeList()
    {
        var block = (byte*)_heap.AllocBuffer(BlockBytes);
        if (block == null)
        {
            return false;
        }

        // Invariant: a fresh buffer is ours alone; zero it so every object reads "free" (count 0).
        new Span<byte>(block, BlockBytes).Clear();
        *(byte**)block = _blocks;
        _blocks = block;
        BlockCount++;
        PyObject* link = null;
        for (var i = 0; i < ObjectsPerBlock; i++)
        {
            var o = ObjectAt(block, i);
            o->Type = (PyTypeObject*)link;
            link = o;
        }

        _free = link;
        return true;
    }
}
