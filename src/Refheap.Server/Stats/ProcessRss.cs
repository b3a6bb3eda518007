namespace Refheap.Server.Stats;

/// <summary>The process's resident set size, read cheaply enough to sample on every <c>/stats</c>.</summary>
internal static class ProcessRss
{
    private const string Statm = "/proc/self/statm";

    /// <summary>Resident bytes: the second field of /proc/self/statm times the page size on Linux, else the working set.</summary>
    public static long Read()
    {
        if (OperatingSystem.IsLinux() && File.Exists(Statm))
        {
            var fields = File.ReadAllText(Statm).Split(' ');
            if (fields.Length > 1 && long.TryParse(fields[1], out var pages))
            {
                return pages * Environment.SystemPageSize;
            }
        }

        return Environment.WorkingSet;
    }
}
