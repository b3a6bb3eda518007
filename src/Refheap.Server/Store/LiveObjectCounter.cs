namespace Refheap.Server.Store;

/// <summary>Objects constructed minus objects finalized, for the managed model's Task and Subtask.</summary>
internal sealed class LiveObjectCounter
{
    private long _live;

    /// <summary>Objects constructed and not yet finalized.</summary>
    public long Live => Interlocked.Read(ref _live);

    /// <summary>Called by a constructor.</summary>
    public void Constructed() => Interlocked.Increment(ref _live);

    /// <summary>Called by a finalizer (on the finalizer thread).</summary>
    public void Finalized() => Interlocked.Decrement(ref _live);
}
