namespace Refheap.Memory;

/// <summary>Picks the <see cref="IArenaSource"/> of the running operating system.</summary>
internal static class ArenaSources
{
    /// <summary>
    /// VirtualAlloc on Windows, mmap everywhere else (Linux, macOS, the BSDs).
    /// </summary>
    public static IArenaSource ForCurrentPlatform() =>
        OperatingSystem.IsWindows() ? new WindowsArenaSource() : new PosixArenaSource();
}
