namespace Refheap.Server.Stats;

/// <summary>
/// The last <see cref="Capacity"/> pause records, each numbered from 1 in the order added, so
/// that a client polling <c>/stats?pausesSince=N</c> sees every collection once (unless it
/// falls more than <see cref="Capacity"/> collections behind: the oldest are dropped).
/// </summary>
internal sealed class PauseLog
{
    /// <summary>Records kept.</summary>
    public const int Capacity = 16_384;

    private readonly Lock _lock = new();
    private readonly Queue<PauseRecord> _records = new();
    private readonly double[] _maxPauseMs = new double[3];
    private long _seq;

    /// <summary>Adds a record numbered after the last one.</summary>
    public void Add(int generation, DateTimeOffset finishedAt, TimeSpan elapsed, long collected, long uncollectable, bool automatic)
    {
        lock (_lock)
        {
            if (_records.Count == Capacity)
            {
                _records.Dequeue();
            }

            var ms = elapsed.TotalMilliseconds;
            _records.Enqueue(new PauseRecord(++_seq, generation, finishedAt.ToUnixTimeMilliseconds(), ms, collected, uncollectable, automatic));
            _maxPauseMs[generation] = Math.Max(_maxPauseMs[generation], ms);
        }
    }

    /// <summary>The records numbered above <paramref name="seq"/>, oldest first.</summary>
    public IReadOnlyList<PauseRecord> Since(long seq)
    {
        lock (_lock)
        {
            return _records.Where(r => r.Seq > seq).ToArray();
        }
    }

    /// <summary>The longest pause added per generation, in milliseconds (all records, not only those kept).</summary>
    public IReadOnlyList<double> MaxPauseMs()
    {
        lock (_lock)
        {
            return _maxPauseMs.ToArray();
        }
    }
}
