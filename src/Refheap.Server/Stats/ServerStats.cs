namespace Refheap.Server.Stats;

/// <summary>The body of <c>GET /stats</c> (camelCase in JSON; every field is described in docs/server.md).</summary>
public sealed record ServerStats
{
    /// <summary><c>strong</c>, <c>weak</c> or <c>managed</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The heap's profile (<c>py27</c>, <c>py312</c>); the managed model reports the option as given.</summary>
    public required string Profile { get; init; }

    /// <summary>Tasks in the index.</summary>
    public required long Tasks { get; init; }

    /// <summary>Task objects alive (heap: live instances of the class; managed: constructed minus finalized).</summary>
    public required long TaskObjects { get; init; }

    /// <summary>Subtask objects alive, counted as <see cref="TaskObjects"/>.</summary>
    public required long SubtaskObjects { get; init; }

    /// <summary>Collections per generation [0, 1, 2] since the server started (managed: since the process started).</summary>
    public required IReadOnlyList<long> Collections { get; init; }

    /// <summary>The longest pause per generation, in milliseconds.</summary>
    public required IReadOnlyList<double> MaxPauseMs { get; init; }

    /// <summary>Objects tracked by the collector per generation (managed: zeros, the .NET GC has no such lists).</summary>
    public required IReadOnlyList<long> Tracked { get; init; }

    /// <summary>Bytes the heap's live blocks requested (managed: <c>GC.GetTotalMemory(false)</c>).</summary>
    public required long HeapBytesInUse { get; init; }

    /// <summary>Bytes the heap holds from the OS (managed: the GC's committed bytes).</summary>
    public required long HeapBytesMapped { get; init; }

    /// <summary>The process's resident set size in bytes.</summary>
    public required long RssBytes { get; init; }

    /// <summary>Requests served by the Task and Subtask endpoints (not /stats, /metrics or /openapi).</summary>
    public long Requests { get; init; }

    /// <summary>Now, in Unix milliseconds.</summary>
    public required long UnixMs { get; init; }

    /// <summary>The pause records numbered above <c>?pausesSince</c>, oldest first.</summary>
    public required IReadOnlyList<PauseRecord> Pauses { get; init; }
}
