using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Refheap.Memory;

/// <summary>Arenas from <c>VirtualAlloc</c>, returned with <c>VirtualFree</c> (Windows).</summary>
/// <remarks>
/// VirtualAlloc aligns to the allocation granularity (64 KiB) and, unlike munmap, cannot
/// release part of a reservation. For a larger alignment <see cref="Map"/> reserves
/// <c>size + alignment</c> to learn an aligned address inside free address space, releases
/// that reservation and maps exactly the aligned range; another thread may take the range
/// in between, so it retries a few times.
/// Written for completeness; the test suite runs on Linux.
/// </remarks>
[SupportedOSPlatform("windows")]
internal sealed unsafe partial class WindowsArenaSource : IArenaSource
{
    private const uint MemCommit = 0x1000;
    private const uint MemReserve = 0x2000;
    private const uint MemRelease = 0x8000;
    private const uint PageNoAccess = 0x01;
    private const uint PageReadWrite = 0x04;
    private const nuint AllocationGranularity = 64 * 1024;
    private const int AlignedAttempts = 8;

    /// <inheritdoc/>
    public void* Map(nuint size, nuint alignment)
    {
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "alignment must be a power of two");
        }
        if (alignment <= AllocationGranularity)
        {
            return VirtualAlloc(null, size, MemReserve | MemCommit, PageReadWrite);
        }
        if (size > nuint.MaxValue - alignment)
        {
            return null;
        }
        for (int attempt = 0; attempt < AlignedAttempts; attempt++)
        {
            byte* probe = (byte*)VirtualAlloc(null, size + alignment, MemReserve, PageNoAccess);
            if (probe == null)
            {
                return null;
            }
            byte* aligned = (byte*)(((nuint)probe + alignment - 1) & ~(alignment - 1));
            _ = VirtualFree(probe, 0, MemRelease);
            void* p = VirtualAlloc(aligned, size, MemReserve | MemCommit, PageReadWrite);
            if (p != null)
            {
                return p;
            }
        }
        return null;
    }

    /// <inheritdoc/>
    public void Unmap(void* p, nuint size)
    {
        if (p == null)
        {
            return;
        }
        // MEM_RELEASE takes size 0 and releases the whole reservation made by Map.
        if (VirtualFree(p, 0, MemRelease) == 0)
        {
            throw new InvalidOperationException($"VirtualFree(0x{(nuint)p:X}) failed with error {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial void* VirtualAlloc(void* address, nuint size, uint allocationType, uint protect);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial int VirtualFree(void* address, nuint size, uint freeType);
}
