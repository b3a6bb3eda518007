namespace Refheap.Server.Http;

/// <summary>Requests the Task and Subtask endpoints answered, whatever the status.</summary>
internal sealed class RequestCounter
{
    private long _served;

    /// <summary>Requests answered so far.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Counts one more.</summary>
    public void Add() => Interlocked.Increment(ref _served);
}
