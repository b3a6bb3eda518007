using System.Diagnostics;
using System.Globalization;

namespace Refheap.Cli.Bench;

/// <summary>This process's resident memory, read as bench/cpython/taskgraph.py reads CPython's.</summary>
internal static class ProcessMemory
{
    /// <summary>
    /// Resident set size in bytes: the second field of /proc/self/statm (resident pages) times
    /// the page size; where there is no /proc, the working set the OS reports.
    /// </summary>
    public static long ResidentBytes()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            using var self = Process.GetCurrentProcess();
            return self.WorkingSet64;
        }
    }
}
