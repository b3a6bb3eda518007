namespace Refheap.Server.Stats;

/// <summary>
/// Pause records for the managed model, from the .NET GC's counters: each time it is asked to
/// look (after every request, and on /stats) and <c>GC.CollectionCount(0)</c> has moved, it
/// adds one record whose generation is the oldest one collected since the last look and whose
/// pause is the growth of <c>GC.GetTotalPauseDuration()</c> — several GCs between two looks
/// become one record.
/// </summary>
internal sealed class ManagedPauseSampler
{
    private readonly Lock _lock = new();
    private readonly PauseLog _log;
    private readonly int[] _counts = new int[3];
    private TimeSpan _pauseTotal;

    /// <summary>Starts counting from the process's GCs so far: earlier ones are not reported.</summary>
    public ManagedPauseSampler(PauseLog log)
    {
        _log = log;
        Read(_counts);
        _pauseTotal = GC.GetTotalPauseDuration();
    }

    /// <summary>Adds a record if the GC ran since the last look.</summary>
    public void Look()
    {
        // CollectionCount(0) counts every GC (a gen-2 GC collects gen 0 too): one cheap read when nothing happened.
        if (GC.CollectionCount(0) == Volatile.Read(ref _counts[0]))
        {
            return;
        }

        lock (_lock)
        {
            Span<int> now = stackalloc int[3];
            Read(now);
            if (now[0] == _counts[0])
            {
                return;
            }

            var generation = now[2] != _counts[2] ? 2 : now[1] != _counts[1] ? 1 : 0;
            var total = GC.GetTotalPauseDuration();
            _log.Add(generation, DateTimeOffset.UtcNow, total - _pauseTotal, collected: 0, uncollectable: 0, automatic: true);
            _pauseTotal = total;
            now.CopyTo(_counts);
        }
    }

    private static void Read(Span<int> counts)
    {
        for (var g = 0; g < counts.Length; g++)
        {
            counts[g] = GC.CollectionCount(g);
        }
    }
}
