using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Refheap.Memory;

/// <summary>
/// The heap's allocator: pymalloc as CPython's <c>Objects/obmalloc.c</c> builds it (size
/// classes, pools, arenas from mmap), large blocks from the system allocator, and a debug
/// mode like <c>PYTHONMALLOC=debug</c>.
/// </summary>
/// <remarks>
/// <para>Where to start reading: <see cref="Allocate"/> and <see cref="Free"/> below, then
/// <c>AllocateSmall</c> / <c>FreeSmall</c> in HeapAllocator.Pools.cs.</para>
/// <code>
///  request ──► size &gt; SmallRequestLimit? ──yes──► large block: NativeMemory + LargeBlockHeader
///                     │ no                            (all live ones on one list, for heap walks)
///                     ▼
///  size class c = (size - 1) / Alignment ──► usedpools[c]: a pool of class c with a free block
///                                              │ none
///                                              ▼
///                                      usable_arenas (fewest free pools first) ──► an empty pool
///                                              │ none
///                                              ▼
///                                      IArenaSource.Map(ArenaSize): a new arena
///
///  arena (ArenaSize, ArenaSize-aligned)      pool (PoolSize, PoolSize-aligned)
///  ┌──────┬──────┬──────┬─────┐              ┌────────┬───────┬───────┬─────┬───────┐
///  │ pool │ pool │ pool │ ... │              │ header │ block │ block │ ... │ waste │
///  └──────┴──────┴──────┴─────┘              └────────┴───────┴───────┴─────┴───────┘
///
///  size classes:  request bytes        block size   class
///                 1 .. A               A            0
///                 A+1 .. 2A            2A           1
///                 ...                  ...          ...
///                 limit-A+1 .. limit   limit        limit/A - 1      (A = Alignment: 8 or 16)
/// </code>
/// <para>Blocks a whole number of cache lines long (64, 128, ... bytes) start on a line (offset
/// 64 instead of the header's 48) where that leaves the pool as many blocks: every figure of
/// the statistics stays CPython's, and the collector reads one line per 64-byte object.</para>
/// <para>Callers always pass the size of the block they free, so small versus large is decided
/// by size and the pool of a small block is <c>block &amp; ~(PoolSize - 1)</c>: no
/// <c>address_in_range</c> trick is needed.</para>
/// <para>Every byte of bookkeeping that grows with the heap is native: pool headers inside the
/// pools, one side bitmap per arena (a bit per alignment unit marking object starts, for
/// <see cref="WalkObjects{TWalker}"/>), large-block headers. The managed side holds only the
/// arena vector and a map from arena base to slot, both bounded by the number of arenas.</para>
/// <para>Debug mode wraps every block as <c>[8-byte size word][8 × 0xFD][data][8 × 0xFD]</c>:
/// the size word holds the requested size and, in its top byte, the block kind (as CPython's
/// debug hooks keep an API id beside the size). Fresh data is 0xCD; a freed block is 0xDD
/// throughout except its free-list link; <see cref="Free"/> checks guards, size, kind and
/// state and throws <see cref="MemoryCorruptionException"/>. The wrapped size decides the size
/// class, as when CPython's debug hooks sit on top of pymalloc.</para>
/// <para>Not thread-safe: callers hold the runtime lock. <see cref="Dispose"/> must be called:
/// the .NET GC knows nothing of the arenas and large blocks, so there is no finalizer to fall
/// back on (and a finalizer must not touch the arena source, a managed object).</para>
/// </remarks>
internal sealed unsafe partial class HeapAllocator : IDisposable
{
    /// <summary>Bytes of GC header before a <see cref="BlockKind.GcObject"/>'s object.</summary>
    public const int GcHeaderSize = 16;

    private const nuint CacheLine = 64;

    // Requests above this fail (return null) before any arithmetic on them can overflow;
    // it also leaves the top byte of the debug size word free for the block kind.
    private static readonly nuint MaxRequest = (nuint)1 << 47;

    private readonly IArenaSource _source;
    private readonly bool _ownsSource;

    // The layout's numbers as the native-width integers the hot paths use.
    private readonly nuint _arenaSize;
    private readonly nuint _arenaMask;      // ArenaSize - 1
    private readonly nuint _poolSize;
    private readonly nuint _poolMask;       // PoolSize - 1
    private readonly nuint _alignment;
    private readonly int _alignmentShift;   // log2(Alignment)
    private readonly nuint _smallLimit;
    private readonly uint _poolOverhead;    // sizeof(PoolHeader) rounded up to Alignment
    private readonly uint[] _firstBlock;    // per size class: where a pool's first block starts
    private readonly int _sizeClassCount;
    private readonly int _poolsPerArena;
    private readonly int _bitmapWords;      // ulongs per object bitmap: ArenaSize / Alignment / 64
    private readonly bool _keepOneEmptyArena;

    private long _bytesInUse;
    private uint _mutations;    // bumped by every allocate/free, so that a heap walk notices changes
    private bool _disposed;

    /// <summary>Creates an allocator with the geometry of <paramref name="layout"/>.</summary>
    /// <param name="layout">Arena, pool and size-class geometry; checked here (powers of two, etc.).</param>
    /// <param name="debug">Whether to wrap blocks with guard bytes and check them on free.</param>
    /// <param name="heapLimit">Most bytes the heap may hold from the system (<see cref="BytesMapped"/>).</param>
    /// <param name="arenaSource">Where arenas come from; the current platform's virtual memory if null.</param>
    public HeapAllocator(AllocatorLayout layout, bool debug, long heapLimit, IArenaSource? arenaSource = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfNegative(heapLimit);
        CheckLayout(layout);

        Layout = layout;
        DebugMode = debug;
        HeapLimit = heapLimit;
        _source = arenaSource ?? ArenaSources.ForCurrentPlatform();
        _ownsSource = arenaSource is null;

        _arenaSize = (nuint)layout.ArenaSize;
        _arenaMask = _arenaSize - 1;
        _poolSize = (nuint)layout.PoolSize;
        _poolMask = _poolSize - 1;
        _alignment = (nuint)layout.Alignment;
        _alignmentShift = System.Numerics.BitOperations.Log2((uint)layout.Alignment);
        _smallLimit = (nuint)layout.SmallRequestLimit;
        _poolOverhead = PoolOverheadFor(layout);
        _sizeClassCount = layout.SizeClassCount;
        _firstBlock = new uint[_sizeClassCount];
        for (uint c = 0; c < _sizeClassCount; c++)
        {
            _firstBlock[c] = FirstBlockOffsetFor(c);
        }

        _poolsPerArena = layout.PoolsPerArena;
        _bitmapWords = layout.ArenaSize / layout.Alignment / 64;
        _keepOneEmptyArena = layout.KeepOneEmptyArena;

        _nfp2lasta = new int[_poolsPerArena + 1];
        Array.Fill(_nfp2lasta, -1);
        _usedPools = (PoolHeader*)NativeMemory.AllocZeroed((nuint)_sizeClassCount, (nuint)sizeof(PoolHeader));
        for (int c = 0; c < _sizeClassCount; c++)
        {
            // An empty circular list: the head links to itself.
            PoolHeader* head = &_usedPools[c];
            head->NextPool = head;
            head->PrevPool = head;
        }
        if (debug)
        {
            _liveLarge = new NativePointerSet();
        }
    }

    /// <summary>The profile's geometry.</summary>
    public AllocatorLayout Layout { get; }

    /// <summary>Whether blocks carry guard bytes and are checked on free (like <c>PYTHONMALLOC=debug</c>).</summary>
    public bool DebugMode { get; }

    /// <summary>Most bytes the heap may hold from the system; an allocation that would pass it fails.</summary>
    public long HeapLimit { get; }

    /// <summary>Sum of the sizes requested by live blocks.</summary>
    public long BytesInUse => _bytesInUse;

    /// <summary>Bytes of arenas currently mapped plus bytes of live large blocks (headers and debug padding included).</summary>
    public long BytesMapped => (_arenasCurrent * (long)_arenaSize) + _largeBytes;

    /// <summary>Bytes at the start of every pool taken by its header (CPython's POOL_OVERHEAD).</summary>
    internal int PoolOverhead => (int)_poolOverhead;

    /// <summary>Where the first block of a pool of <paramref name="blockSize"/>-byte blocks starts (see <see cref="FirstBlockOffsetFor"/>).</summary>
    internal int FirstBlockOffset(int blockSize) => (int)_firstBlock[(blockSize >> _alignmentShift) - 1];

    /// <summary>
    /// Returns a block of at least <paramref name="size"/> bytes, aligned to
    /// <see cref="AllocatorLayout.Alignment"/> (16 for large blocks), or null when the heap
    /// limit would be exceeded or the system refuses memory; the heap is then unchanged.
    /// </summary>
    /// <param name="size">Bytes wanted; 0 is treated as 1. For a GC object it includes the GC header.</param>
    /// <param name="kind">What the block holds; objects are found again by <see cref="WalkObjects{TWalker}"/>.</param>
    public void* Allocate(nuint size, BlockKind kind)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (size == 0)
        {
            size = 1;
        }
        if (kind == BlockKind.GcObject && size <= GcHeaderSize)
        {
            // The object address (block + GcHeaderSize) must lie inside the block, or its
            // object bit would land on the next block's.
            throw new ArgumentOutOfRangeException(nameof(size), size, "a GC object's block must be larger than its GC header");
        }
        if (size > MaxRequest)
        {
            return null;
        }

        nuint raw = DebugMode ? size + DebugOverhead : size;
        byte* user;
        if (raw <= _smallLimit)
        {
            uint sizeIndex = (uint)((raw - 1) >> _alignmentShift);
            byte* block = AllocateSmall(sizeIndex);
            if (block == null)
            {
                return null;
            }
            user = DebugMode ? DebugPrepareSmall(block, size, kind, sizeIndex) : block;
            if (kind != BlockKind.Buffer)
            {
                SetObjectBit(block, ObjectAddress(user, kind), kind == BlockKind.GcObject);
            }
        }
        else
        {
            user = AllocateLarge(size, raw, kind);
            if (user == null)
            {
                return null;
            }
        }
        _bytesInUse += (long)size;
        _mutations++;
        return user;
    }

    /// <summary>
    /// Frees a block. <paramref name="size"/> and <paramref name="kind"/> must be those given to
    /// <see cref="Allocate"/> (or the last <see cref="Reallocate"/>). Freeing null does nothing.
    /// </summary>
    /// <exception cref="MemoryCorruptionException">Debug mode: the block is damaged, already free, or the size or kind differ.</exception>
    public void Free(void* block, nuint size, BlockKind kind)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (block == null)
        {
            return;
        }
        if (size == 0)
        {
            size = 1;
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxRequest);

        byte* user = (byte*)block;
        nuint raw = DebugMode ? size + DebugOverhead : size;
        if (raw <= _smallLimit)
        {
            byte* b = user;
            if (DebugMode)
            {
                DebugCheckSmall(user, size, kind, CheckPurpose.Free);
                b = user - DebugHeaderSize;
            }
            if (kind != BlockKind.Buffer)
            {
                ClearObjectBit(b, ObjectAddress(user, kind));
            }
            if (DebugMode)
            {
                // Dead bytes over the whole block; FreeSmall then writes the free-list link
                // into the first word. DebugPrepareSmall checks the rest is still dead.
                NativeMemory.Fill(b, BlockSizeOf(PoolOf(b)->SizeIndex), DeadByte);
            }
            FreeSmall(b);
        }
        else
        {
            if (DebugMode)
            {
                DebugCheckLarge(user, size, kind, CheckPurpose.Free);
            }
            FreeLarge(user);
        }
        _bytesInUse -= (long)size;
        _mutations++;
    }

    /// <summary>
    /// Resizes a buffer (<see cref="BlockKind.Buffer"/> only), keeping its contents up to the
    /// smaller size. Returns the new block, or null on failure, in which case the old block is
    /// untouched and still owned by the caller. A null <paramref name="block"/> allocates.
    /// </summary>
    /// <remarks>
    /// As pymalloc_realloc: a small block stays in place when the new size fits its size class
    /// and shrinking would save less than a quarter of it; otherwise a new block is allocated,
    /// the contents copied and the old one freed. Large to large (release mode) uses the system
    /// realloc. Near the heap limit a move needs room for both blocks at once.
    /// </remarks>
    /// <exception cref="MemoryCorruptionException">Debug mode: the old block is damaged, freed, or not a buffer of <paramref name="oldSize"/>.</exception>
    public void* Reallocate(void* block, nuint oldSize, nuint newSize)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (block == null)
        {
            return Allocate(newSize, BlockKind.Buffer);
        }
        if (oldSize == 0)
        {
            oldSize = 1;
        }
        if (newSize == 0)
        {
            newSize = 1;
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, MaxRequest);
        if (newSize > MaxRequest)
        {
            return null;
        }
        if (DebugMode)
        {
            // Check before allocating anything, so that a corrupt block does not leak a new one.
            DebugCheck((byte*)block, oldSize, BlockKind.Buffer, CheckPurpose.Reallocate);
        }

        nuint oldRaw = DebugMode ? oldSize + DebugOverhead : oldSize;
        nuint newRaw = DebugMode ? newSize + DebugOverhead : newSize;
        if (oldRaw <= _smallLimit)
        {
            byte* b = DebugMode ? (byte*)block - DebugHeaderSize : (byte*)block;
            nuint blockSize = BlockSizeOf(PoolOf(b)->SizeIndex);
            if (newRaw <= blockSize && 4 * newRaw > 3 * blockSize)
            {
                if (DebugMode)
                {
                    DebugResizeInPlace((byte*)block, oldSize, newSize);
                }
                _bytesInUse += (long)newSize - (long)oldSize;
                _mutations++;
                return block;
            }
        }
        else if (newRaw > _smallLimit && !DebugMode)
        {
            return ReallocateLarge((byte*)block, oldSize, newSize);
        }

        void* moved = Allocate(newSize, BlockKind.Buffer);
        if (moved == null)
        {
            return null;
        }
        NativeMemory.Copy(block, moved, oldSize < newSize ? oldSize : newSize);
        Free(block, oldSize, BlockKind.Buffer);
        return moved;
    }

    /// <summary>
    /// Debug mode: throws <see cref="MemoryCorruptionException"/> unless <paramref name="block"/>
    /// is a live block of <paramref name="size"/> bytes with intact guard bytes.
    /// Release mode: does nothing.
    /// </summary>
    public void VerifyBlock(void* block, nuint size)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!DebugMode)
        {
            return;
        }
        if (size == 0)
        {
            size = 1;
        }
        if (block == null || size > MaxRequest)
        {
            throw new MemoryCorruptionException(MemoryCorruptionKind.InvalidPointer, (nint)block, (long)size, -1, 0, "not a block of this allocator");
        }
        DebugCheck((byte*)block, size, null, CheckPurpose.Verify);
    }

    /// <summary>Unmaps every arena and frees every large block and all bookkeeping.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        for (int ai = 0; ai < _arenas.Length; ai++)
        {
            if (_arenas[ai].Address != null)
            {
                UnmapArena(ai);
            }
        }
        _arenasCurrent = 0;
        _usableArenas = -1;
        FreeAllLarge();
        NativeMemory.Free(_usedPools);
        _usedPools = null;
        _liveLarge?.Dispose();
        if (_ownsSource && _source is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    // The object's address inside a block as the caller sees it: after the GC header for GC objects.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* ObjectAddress(byte* user, BlockKind kind) =>
        kind == BlockKind.GcObject ? user + GcHeaderSize : user;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private PoolHeader* PoolOf(byte* block) => (PoolHeader*)((nuint)block & ~_poolMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private nuint BlockSizeOf(uint sizeIndex) => (nuint)(sizeIndex + 1) << _alignmentShift;

    // Blocks that fit in one pool of class sizeIndex (CPython's NUMBLOCKS).
    private uint BlocksPerPool(uint sizeIndex) => (uint)((_poolSize - _poolOverhead) / BlockSizeOf(sizeIndex));

    /// <summary>
    /// The first block of a pool starts right after the header (POOL_OVERHEAD), except for
    /// blocks a whole number of cache lines long, which start on the next line when the pool
    /// still holds as many of them: then every such block is whole lines, and the collector's
    /// walks over 64-byte objects (a 3.12 instance, a dict) touch one line per object instead
    /// of two. The blocks per pool, and so every figure of the allocator's statistics, stay
    /// CPython's; the bytes skipped come out of the pool's unused tail.
    /// </summary>
    private uint FirstBlockOffsetFor(uint sizeIndex)
    {
        var size = BlockSizeOf(sizeIndex);
        var aligned = Math.Max(_poolOverhead, CacheLine);
        return size % CacheLine == 0 && (_poolSize - aligned) / size == (_poolSize - _poolOverhead) / size ? (uint)aligned : _poolOverhead;
    }

    private static uint PoolOverheadFor(AllocatorLayout layout)
    {
        uint a = (uint)layout.Alignment;
        return ((uint)sizeof(PoolHeader) + a - 1) & ~(a - 1);
    }

    // obmalloc checks its tunables at compile time; a layout is data here, so check it once.
    private static void CheckLayout(AllocatorLayout layout)
    {
        static bool IsPowerOfTwo(int x) => x > 0 && (x & (x - 1)) == 0;

        if (!IsPowerOfTwo(layout.ArenaSize) || !IsPowerOfTwo(layout.PoolSize))
        {
            throw new ArgumentException("ArenaSize and PoolSize must be powers of two (block & ~(size - 1) finds the arena and the pool)", nameof(layout));
        }
        if (layout.PoolSize * 2 > layout.ArenaSize)
        {
            // An arena of one pool would be freed before it ever reached usable_arenas.
            throw new ArgumentException("an arena must hold at least two pools", nameof(layout));
        }
        if (layout.Alignment is not (8 or 16))
        {
            // At least 8: a free block holds the free-list link. At most 16: the 16-byte debug
            // header and GC header keep the data aligned.
            throw new ArgumentException("Alignment must be 8 or 16", nameof(layout));
        }
        if (layout.SmallRequestLimit <= 0 || layout.SmallRequestLimit % layout.Alignment != 0)
        {
            throw new ArgumentException("SmallRequestLimit must be a positive multiple of Alignment", nameof(layout));
        }
        if ((layout.PoolSize - (int)PoolOverheadFor(layout)) / layout.SmallRequestLimit < 2)
        {
            // A new pool hands out its first block and keeps the second on its free list.
            throw new ArgumentException("a pool must hold at least two blocks of the largest size class", nameof(layout));
        }
        if (layout.ArenaSize / layout.Alignment % 64 != 0)
        {
            throw new ArgumentException("an arena must span a whole number of 64-bit bitmap words", nameof(layout));
        }
        Debug.Assert(sizeof(LargeBlockHeader) % 16 == 0, "large blocks must stay 16-byte aligned after their header");
    }
}
