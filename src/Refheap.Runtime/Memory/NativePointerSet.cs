using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Refheap.Memory;

/// <summary>A set of block addresses kept in native memory (open addressing, linear probing).</summary>
/// <remarks>
/// Debug mode uses it to know which large blocks are live, so that a double free or a wild
/// pointer is reported instead of handing the system allocator a pointer it does not own.
/// It lives in native memory because it grows with the Python heap.
/// Slot values: 0 = empty, 1 = deleted (a tombstone keeps probe chains intact); block
/// addresses are 16-byte aligned, so neither is ever a key.
/// </remarks>
internal sealed unsafe class NativePointerSet : IDisposable
{
    private const nuint Empty = 0;
    private const nuint Deleted = 1;

    private nuint* _slots;
    private int _capacity;   // a power of two
    private int _count;
    private int _deleted;

    public NativePointerSet()
    {
        _capacity = 64;
        _slots = (nuint*)NativeMemory.AllocZeroed((nuint)_capacity, (nuint)sizeof(nuint));
    }

    public int Count => _count;

    public bool Contains(void* p) => Find((nuint)p) >= 0;

    public void Add(void* p)
    {
        nuint key = (nuint)p;
        Debug.Assert(key > Deleted);
        // Keep at least half the slots empty so that probe chains stay short and end.
        if ((_count + _deleted + 1) * 2 > _capacity)
        {
            Rehash(_count * 4 >= _capacity ? _capacity * 2 : _capacity);
        }
        int mask = _capacity - 1;
        int i = Hash(key, mask);
        int tombstone = -1;
        while (true)
        {
            nuint slot = _slots[i];
            if (slot == Empty)
            {
                break;
            }
            if (slot == key)
            {
                return;
            }
            if (slot == Deleted && tombstone < 0)
            {
                tombstone = i;
            }
            i = (i + 1) & mask;
        }
        if (tombstone >= 0)
        {
            i = tombstone;
            _deleted--;
        }
        _slots[i] = key;
        _count++;
    }

    public bool Remove(void* p)
    {
        int i = Find((nuint)p);
        if (i < 0)
        {
            return false;
        }
        _slots[i] = Deleted;
        _count--;
        _deleted++;
        return true;
    }

    public void Dispose()
    {
        NativeMemory.Free(_slots);
        _slots = null;
        _capacity = _count = _deleted = 0;
    }

    private int Find(nuint key)
    {
        if (key <= Deleted || _capacity == 0)
        {
            return -1;
        }
        int mask = _capacity - 1;
        int i = Hash(key, mask);
        // Terminates: at least half of the slots are empty (see Add).
        while (true)
        {
            nuint slot = _slots[i];
            if (slot == key)
            {
                return i;
            }
            if (slot == Empty)
            {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    private void Rehash(int newCapacity)
    {
        nuint* old = _slots;
        int oldCapacity = _capacity;
        _slots = (nuint*)NativeMemory.AllocZeroed((nuint)newCapacity, (nuint)sizeof(nuint));
        _capacity = newCapacity;
        _count = 0;
        _deleted = 0;
        for (int i = 0; i < oldCapacity; i++)
        {
            if (old[i] > Deleted)
            {
                Add((void*)old[i]);
            }
        }
        NativeMemory.Free(old);
    }

    // Fibonacci hashing of the address without its always-zero low bits.
    private static int Hash(nuint key, int mask) => (int)(((ulong)key >> 4) * 0x9E3779B97F4A7C15UL >> 32) & mask;
}
