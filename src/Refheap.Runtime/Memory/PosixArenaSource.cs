using System.Runtime.InteropServices;

namespace Refheap.Memory;

/// <summary>Arenas from anonymous private <c>mmap</c>, returned with <c>munmap</c> (Linux, macOS, BSD).</summary>
/// <remarks>
/// mmap only promises page alignment, and the allocator needs arenas aligned to their own size
/// (so that <c>block &amp; ~(ArenaSize - 1)</c> finds the arena of any block). So
/// <see cref="Map"/> asks for <c>size + alignment</c> bytes and unmaps the excess before and
/// after the aligned run: the kernel lets us return any page-aligned sub-range of a mapping.
/// </remarks>
internal sealed unsafe partial class PosixArenaSource : IArenaSource
{
    private const int ProtRead = 0x1;
    private const int ProtWrite = 0x2;
    private const int MapPrivate = 0x02;

    // MAP_ANONYMOUS differs between Linux (0x20) and the BSD family, macOS included (0x1000).
    private static readonly int s_mapAnonymous = OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? 0x20 : 0x1000;

    // mmap's failure value is MAP_FAILED, (void*)-1, not null.
    private static readonly void* s_mapFailed = (void*)-1;

    private static readonly nuint s_pageSize = (nuint)Environment.SystemPageSize;

    /// <inheritdoc/>
    /// <remarks><paramref name="size"/> must be a multiple of the page size.</remarks>
    public void* Map(nuint size, nuint alignment)
    {
        if (size == 0 || size % s_pageSize != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "an arena must be a whole number of pages");
        }
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "alignment must be a power of two");
        }

        // Every mapping is page-aligned already; over-mapping is only needed above that.
        nuint slack = alignment > s_pageSize ? alignment : 0;
        if (size > nuint.MaxValue - slack)
        {
            return null;
        }
        nuint mapSize = size + slack;
        byte* p = (byte*)mmap(null, mapSize, ProtRead | ProtWrite, MapPrivate | s_mapAnonymous, -1, 0);
        if (p == s_mapFailed || p == null)
        {
            return null;
        }
        if (slack == 0)
        {
            return p;
        }

        // p and the aligned address are both page-aligned, and size is whole pages, so the
        // leading and trailing runs are whole pages and munmap accepts them.
        nuint lead = (alignment - ((nuint)p & (alignment - 1))) & (alignment - 1);
        byte* aligned = p + lead;
        nuint trail = mapSize - lead - size;
        if (lead != 0)
        {
            _ = munmap(p, lead);
        }
        if (trail != 0)
        {
            _ = munmap(aligned + size, trail);
        }
        return aligned;
    }

    /// <inheritdoc/>
    public void Unmap(void* p, nuint size)
    {
        if (p == null)
        {
            return;
        }
        // munmap fails only for arguments that were never a mapping of ours: a bug, not a
        // condition to recover from.
        if (munmap(p, size) != 0)
        {
            throw new InvalidOperationException($"munmap(0x{(nuint)p:X}, {size}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial void* mmap(void* addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(void* addr, nuint length);
}
