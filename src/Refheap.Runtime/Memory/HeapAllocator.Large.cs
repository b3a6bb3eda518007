using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Refheap.Memory;

/*
 * Large blocks: requests above SmallRequestLimit, from the system allocator as CPython's
 * PyObject_Malloc falls back to malloc. Each carries a LargeBlockHeader so that all live
 * large blocks form one doubly linked list: WalkObjects visits the large objects on it and
 * Dispose frees what is left.
 *
 *   [LargeBlockHeader 32 B][data ...]                                release mode
 *   [LargeBlockHeader 32 B][size word][0xFD × 8][data ...][0xFD × 8] debug mode
 */
internal sealed unsafe partial class HeapAllocator
{
    private const nuint LargeAlignment = 16;

    private LargeBlockHeader* _largeHead;
    private long _largeBytes;   // headers and debug padding included
    private long _largeCount;

    private static nuint LargeTotal(nuint raw) => (nuint)sizeof(LargeBlockHeader) + raw;

    // Returns the caller's block (after header and, in debug mode, the debug header), or null
    // when the heap limit would be passed or the system refuses.
    private byte* AllocateLarge(nuint size, nuint raw, BlockKind kind)
    {
        nuint total = LargeTotal(raw);
        if ((long)total > HeapLimit - BytesMapped)
        {
            return null;
        }
        LargeBlockHeader* h;
        try
        {
            h = (LargeBlockHeader*)NativeMemory.AlignedAlloc(total, LargeAlignment);
        }
        catch (OutOfMemoryException)
        {
            return null;
        }
        h->Size = size;
        h->Kind = kind;
        h->Prev = null;
        h->Next = _largeHead;
        if (_largeHead != null)
        {
            _largeHead->Prev = h;
        }
        _largeHead = h;
        _largeBytes += (long)total;
        _largeCount++;

        byte* block = (byte*)(h + 1);
        if (DebugMode)
        {
            byte* user = DebugPrepare(block, size, kind);
            _liveLarge!.Add(user);
            return user;
        }
        return block;
    }

    private void FreeLarge(byte* user)
    {
        LargeBlockHeader* h = LargeHeaderOf(user);
        UnlinkLarge(h);
        nuint raw = DebugMode ? h->Size + DebugOverhead : h->Size;
        _largeBytes -= (long)LargeTotal(raw);
        _largeCount--;
        if (DebugMode)
        {
            _liveLarge!.Remove(user);
            // The memory goes back to the system allocator, but a stale pointer read before it
            // is reused should still see the dead pattern.
            NativeMemory.Fill(h + 1, raw, DeadByte);
        }
        NativeMemory.AlignedFree(h);
    }

    // Release mode only (debug mode moves the block through Allocate/Free to keep its checks).
    private void* ReallocateLarge(byte* block, nuint oldSize, nuint newSize)
    {
        Debug.Assert(!DebugMode);
        LargeBlockHeader* h = LargeHeaderOf(block);
        Debug.Assert(h->Size == oldSize && h->Kind == BlockKind.Buffer);
        nuint oldTotal = LargeTotal(oldSize);
        nuint newTotal = LargeTotal(newSize);
        if ((long)newTotal - (long)oldTotal > HeapLimit - BytesMapped)
        {
            return null;
        }
        LargeBlockHeader* moved;
        try
        {
            // On failure the old block is left as it was.
            moved = (LargeBlockHeader*)NativeMemory.AlignedRealloc(h, newTotal, LargeAlignment);
        }
        catch (OutOfMemoryException)
        {
            return null;
        }
        if (moved != h)
        {
            // The neighbours still point at the old header.
            if (moved->Prev != null)
            {
                moved->Prev->Next = moved;
            }
            else
            {
                _largeHead = moved;
            }
            if (moved->Next != null)
            {
                moved->Next->Prev = moved;
            }
        }
        moved->Size = newSize;
        _largeBytes += (long)newTotal - (long)oldTotal;
        _bytesInUse += (long)newSize - (long)oldSize;
        _mutations++;
        return moved + 1;
    }

    private LargeBlockHeader* LargeHeaderOf(byte* user) =>
        (LargeBlockHeader*)(DebugMode ? user - DebugHeaderSize : user) - 1;

    private void UnlinkLarge(LargeBlockHeader* h)
    {
        if (h->Prev != null)
        {
            h->Prev->Next = h->Next;
        }
        else
        {
            Debug.Assert(_largeHead == h);
            _largeHead = h->Next;
        }
        if (h->Next != null)
        {
            h->Next->Prev = h->Prev;
        }
    }

    private void FreeAllLarge()
    {
        LargeBlockHeader* h = _largeHead;
        while (h != null)
        {
            LargeBlockHeader* next = h->Next;
            NativeMemory.AlignedFree(h);
            h = next;
        }
        _largeHead = null;
        _largeBytes = 0;
        _largeCount = 0;
    }
}
