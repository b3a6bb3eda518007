using System.Globalization;
using System.Runtime.InteropServices;

namespace Refheap.Memory;

/*
 * Debug mode, like PYTHONMALLOC=debug. Every block, small or large, is wrapped:
 *
 *   raw ─►┌──────────────┬────────────┬──────────────────────┬────────────┐
 *         │ size word    │ 0xFD × 8   │ data (size bytes)     │ 0xFD × 8   │
 *         │ 8 bytes      │ lead guard │ 0xCD when fresh       │ tail guard │
 *         └──────────────┴────────────┴──────────────────────┴────────────┘
 *                                     ▲ user: what Allocate returns
 *   size word = requested size | (kind + 1) << 56
 *
 * A freed small block is 0xDD from its second word to its end (its first word is the
 * free-list link), so its lead guard reads 0xDD × 8: that is how Free tells a double free
 * from an underrun. Free pools are filled with 0xDD when set up for a class, so every byte
 * of a free block is dead, and reusing a block that was written to after its free reports
 * "use after free". A small block's arena and pool are looked up before any byte of it is
 * read, so a stale pointer into an unmapped arena is reported, not dereferenced.
 */
internal sealed unsafe partial class HeapAllocator
{
    private const nuint DebugHeaderSize = 16;   // size word + lead guard
    private const nuint DebugTrailerSize = 8;
    private const nuint DebugOverhead = DebugHeaderSize + DebugTrailerSize;
    private const byte CleanByte = 0xCD;        // fresh data: catches reads of uninitialised memory
    private const byte DeadByte = 0xDD;         // freed memory: catches use after free
    private const byte ForbiddenByte = 0xFD;    // guard bytes: catch overruns and underruns
    private const int KindShift = 56;
    private const ulong SizeMask = (1UL << KindShift) - 1;

    // Debug mode only: the data addresses of live large blocks.
    private readonly NativePointerSet? _liveLarge;

    private enum CheckPurpose
    {
        Free,
        Reallocate,
        Verify,
    }

    // A small block taken from a pool: its bytes past the free-list link must still be dead.
    private byte* DebugPrepareSmall(byte* raw, nuint size, BlockKind kind, uint sizeIndex)
    {
        nuint blockSize = BlockSizeOf(sizeIndex);
        var rest = new ReadOnlySpan<byte>(raw + sizeof(nuint), (int)(blockSize - (nuint)sizeof(nuint)));
        int written = rest.IndexOfAnyExcept(DeadByte);
        if (written >= 0)
        {
            // The block stays allocated (and leaked): handing it out again would hide the bug.
            int at = written + sizeof(nuint) - (int)DebugHeaderSize;
            throw Corruption(MemoryCorruptionKind.UseAfterFree, raw + DebugHeaderSize, size,
                string.Create(CultureInfo.InvariantCulture, $"the block was written to while it was free (byte at {at:+0;-0} is 0x{rest[written]:X2}, expected 0x{DeadByte:X2})"));
        }
        return DebugPrepare(raw, size, kind);
    }

    private static byte* DebugPrepare(byte* raw, nuint size, BlockKind kind)
    {
        *(ulong*)raw = (ulong)size | ((ulong)(kind + 1) << KindShift);
        byte* user = raw + DebugHeaderSize;
        NativeMemory.Fill(raw + sizeof(ulong), DebugHeaderSize - sizeof(ulong), ForbiddenByte);
        NativeMemory.Fill(user, size, CleanByte);
        NativeMemory.Fill(user + size, DebugTrailerSize, ForbiddenByte);
        return user;
    }

    // Reallocate in place: new size word, new tail guard; grown bytes are fresh.
    private static void DebugResizeInPlace(byte* user, nuint oldSize, nuint newSize)
    {
        ulong* word = (ulong*)(user - DebugHeaderSize);
        *word = (*word & ~SizeMask) | newSize;
        if (newSize > oldSize)
        {
            NativeMemory.Fill(user + oldSize, newSize - oldSize, CleanByte);
        }
        NativeMemory.Fill(user + newSize, DebugTrailerSize, ForbiddenByte);
    }

    private void DebugCheck(byte* user, nuint size, BlockKind? kind, CheckPurpose purpose)
    {
        if (size + DebugOverhead <= _smallLimit)
        {
            DebugCheckSmall(user, size, kind, purpose);
        }
        else
        {
            DebugCheckLarge(user, size, kind, purpose);
        }
    }

    // Throws unless user is a live small block of size bytes (and of kind, when given).
    private void DebugCheckSmall(byte* user, nuint size, BlockKind? kind, CheckPurpose purpose)
    {
        MemoryCorruptionKind freed = purpose == CheckPurpose.Free ? MemoryCorruptionKind.DoubleFree : MemoryCorruptionKind.UseAfterFree;
        if (((nuint)user & (_alignment - 1)) != 0)
        {
            throw Corruption(MemoryCorruptionKind.InvalidPointer, user, size, "the address is not aligned like a block");
        }
        byte* raw = user - DebugHeaderSize;
        if (!_arenaIndexByBase.TryGetValue((nint)((nuint)raw & ~_arenaMask), out int ai))
        {
            if (_liveLarge!.Contains(user))
            {
                throw Corruption(MemoryCorruptionKind.SizeMismatch, user, size,
                    string.Create(CultureInfo.InvariantCulture, $"it is a large block of {LargeHeaderOf(user)->Size} bytes"));
            }
            throw Corruption(freed, user, size, "no mapped arena holds it: it was freed and its arena returned to the system, or it was never allocated here");
        }

        // The arena is mapped, so its pool headers can be read.
        PoolHeader* pool = PoolOf(raw);
        if ((byte*)pool >= _arenas[ai].PoolAddress || pool->Count == 0)
        {
            throw Corruption(freed, user, size, "its pool holds no live block");
        }
        nuint poolBlockSize = BlockSizeOf(pool->SizeIndex);
        nuint offset = (nuint)(raw - (byte*)pool);
        nuint first = _firstBlock[pool->SizeIndex];
        if (offset < first || (offset - first) % poolBlockSize != 0)
        {
            throw Corruption(MemoryCorruptionKind.InvalidPointer, user, size,
                string.Create(CultureInfo.InvariantCulture, $"not the start of a block of its pool ({poolBlockSize}-byte blocks)"));
        }
        if (offset >= pool->NextOffset)
        {
            throw Corruption(freed, user, size, "the block was never handed out since its pool was set up");
        }
        // From here the block is known to be in a pool: name the pool's class in messages.
        int sizeClass = (int)pool->SizeIndex;
        CheckGuardsAndHeader(user, size, kind, freed, sizeClass);
        // Not "pool class == class of size": Reallocate shrinks in place by up to a quarter,
        // leaving a block in a class above its size's. It must still fit.
        if (size + DebugOverhead > poolBlockSize)
        {
            throw Corruption(MemoryCorruptionKind.SizeMismatch, user, size,
                string.Create(CultureInfo.InvariantCulture, $"its pool serves {poolBlockSize}-byte blocks"));
        }
        CheckTailGuard(user, size, sizeClass);
    }

    private void DebugCheckLarge(byte* user, nuint size, BlockKind? kind, CheckPurpose purpose)
    {
        MemoryCorruptionKind freed = purpose == CheckPurpose.Free ? MemoryCorruptionKind.DoubleFree : MemoryCorruptionKind.UseAfterFree;
        if (!_liveLarge!.Contains(user))
        {
            if (TryGetLiveSmallSize(user, out nuint recorded))
            {
                throw Corruption(MemoryCorruptionKind.SizeMismatch, user, size,
                    string.Create(CultureInfo.InvariantCulture, $"it is a small block allocated with {recorded} bytes"));
            }
            throw Corruption(freed, user, size, "it is not a live large block");
        }
        CheckGuardsAndHeader(user, size, kind, freed, -1);
        if (LargeHeaderOf(user)->Size != size)
        {
            throw Corruption(MemoryCorruptionKind.SizeMismatch, user, size,
                string.Create(CultureInfo.InvariantCulture, $"its header records {LargeHeaderOf(user)->Size} bytes"));
        }
        CheckTailGuard(user, size, -1);
    }

    // Lead guard first: if it is damaged the size word may be too, and the tail guard
    // must not be looked for at a bogus offset.
    private void CheckGuardsAndHeader(byte* user, nuint size, BlockKind? kind, MemoryCorruptionKind freed, int sizeClass)
    {
        byte* raw = user - DebugHeaderSize;
        var lead = new ReadOnlySpan<byte>(raw + sizeof(ulong), (int)(DebugHeaderSize - sizeof(ulong)));
        if (!lead.ContainsAnyExcept(DeadByte))
        {
            throw Corruption(freed, user, size, "the block is already free (its guard bytes are dead bytes 0xDD)", sizeClass);
        }
        int bad = lead.IndexOfAnyExcept(ForbiddenByte);
        if (bad >= 0)
        {
            int at = bad - lead.Length;
            throw Corruption(MemoryCorruptionKind.Underrun, user, size,
                string.Create(CultureInfo.InvariantCulture, $"leading guard byte at {at} is 0x{lead[bad]:X2}, expected 0x{ForbiddenByte:X2}"), sizeClass);
        }
        ulong word = *(ulong*)raw;
        nuint recordedSize = (nuint)(word & SizeMask);
        if (recordedSize != size)
        {
            throw Corruption(MemoryCorruptionKind.SizeMismatch, user, size,
                string.Create(CultureInfo.InvariantCulture, $"it was allocated with {recordedSize} bytes"), sizeClass);
        }
        var recordedKind = (BlockKind)((int)(word >> KindShift) - 1);
        if (kind is BlockKind k && recordedKind != k)
        {
            throw Corruption(MemoryCorruptionKind.KindMismatch, user, size,
                string.Create(CultureInfo.InvariantCulture, $"it was allocated as {recordedKind}, freed as {k}"), sizeClass);
        }
    }

    private void CheckTailGuard(byte* user, nuint size, int sizeClass)
    {
        var tail = new ReadOnlySpan<byte>(user + size, (int)DebugTrailerSize);
        int bad = tail.IndexOfAnyExcept(ForbiddenByte);
        if (bad >= 0)
        {
            throw Corruption(MemoryCorruptionKind.Overrun, user, size,
                string.Create(CultureInfo.InvariantCulture, $"trailing guard byte at +{(ulong)size + (ulong)bad} is 0x{tail[bad]:X2}, expected 0x{ForbiddenByte:X2}"), sizeClass);
        }
    }

    // Whether user is a live small block with an intact lead guard; its recorded size if so.
    private bool TryGetLiveSmallSize(byte* user, out nuint recordedSize)
    {
        recordedSize = 0;
        byte* raw = user - DebugHeaderSize;
        if (((nuint)user & (_alignment - 1)) != 0
            || !_arenaIndexByBase.TryGetValue((nint)((nuint)raw & ~_arenaMask), out int ai))
        {
            return false;
        }
        PoolHeader* pool = PoolOf(raw);
        if ((byte*)pool >= _arenas[ai].PoolAddress || pool->Count == 0)
        {
            return false;
        }
        nuint offset = (nuint)(raw - (byte*)pool);
        nuint first = _firstBlock[pool->SizeIndex];
        if (offset < first || offset >= pool->NextOffset || (offset - first) % BlockSizeOf(pool->SizeIndex) != 0)
        {
            return false;
        }
        if (new ReadOnlySpan<byte>(raw + sizeof(ulong), (int)(DebugHeaderSize - sizeof(ulong))).ContainsAnyExcept(ForbiddenByte))
        {
            return false;
        }
        recordedSize = (nuint)(*(ulong*)raw & SizeMask);
        return true;
    }

    // The size class of a request in debug mode (wrapped size), or -1 if it is large.
    private int SizeIndexOf(nuint size)
    {
        nuint raw = size + DebugOverhead;
        return raw <= _smallLimit ? (int)((raw - 1) >> _alignmentShift) : -1;
    }

    // knownSizeClass: the class of the block's pool when known (a block shrunk in place by
    // Reallocate sits in a class above its size's), else null for the class of size.
    private MemoryCorruptionException Corruption(MemoryCorruptionKind kind, byte* user, nuint size, string detail, int? knownSizeClass = null)
    {
        int sizeClass = knownSizeClass ?? SizeIndexOf(size);
        int blockSize = sizeClass < 0 ? 0 : (int)BlockSizeOf((uint)sizeClass);
        return new MemoryCorruptionException(kind, (nint)user, (long)size, sizeClass, blockSize, detail);
    }
}
