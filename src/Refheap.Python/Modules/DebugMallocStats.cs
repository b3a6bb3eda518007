namespace Refheap.Python.Modules;

/// <summary><c>sys._debugmallocstats()</c>: the allocator's statistics in CPython's layout, on stderr.</summary>
internal static class DebugMallocStats
{
    /// <summary>Writes the statistics of <paramref name="runtime"/>'s allocator.</summary>
    public static void Write(Refheap.Runtime runtime, TextWriter stderr) => stderr.Write(runtime.MemoryStats.ToDebugMallocStatsText());
}
