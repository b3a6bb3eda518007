namespace Refheap.Cli.Load;

/// <summary>
/// The server's <c>GET /stats</c> document (docs/server.md): which model and profile it runs,
/// the tasks in its index and the Task/Subtask objects alive, the collector's counters per
/// generation, the heap's and the process's memory, and the collector pauses it kept.
/// </summary>
public sealed record ServerStats
{
    /// <summary><c>strong</c>, <c>weak</c> or <c>managed</c>.</summary>
    public string Model { get; init; } = "";

    /// <summary><c>py27</c> or <c>py312</c>.</summary>
    public string Profile { get; init; } = "";

    /// <summary>Tasks in the server's index (created and not deleted).</summary>
    public long Tasks { get; init; }

    /// <summary>Task objects alive on the heap (deleted ones included until they are freed).</summary>
    public long TaskObjects { get; init; }

    /// <summary>Subtask objects alive on the heap.</summary>
    public long SubtaskObjects { get; init; }

    /// <summary>Collections run so far, per generation.</summary>
    public long[] Collections { get; init; } = [];

    /// <summary>The longest pause so far, per generation, in milliseconds.</summary>
    public double[] MaxPauseMs { get; init; } = [];

    /// <summary>Objects tracked by the collector, per generation.</summary>
    public long[] Tracked { get; init; } = [];

    /// <summary>Bytes of the heap's blocks in use.</summary>
    public long HeapBytesInUse { get; init; }

    /// <summary>Bytes the heap has mapped from the OS.</summary>
    public long HeapBytesMapped { get; init; }

    /// <summary>The server process's resident set size.</summary>
    public long RssBytes { get; init; }

    /// <summary>Requests the server has served.</summary>
    public long Requests { get; init; }

    /// <summary>When the server answered, in Unix milliseconds.</summary>
    public double UnixMs { get; init; }

    /// <summary>The pauses after the <c>pausesSince</c> the request asked for.</summary>
    public IReadOnlyList<CollectorPause> Pauses { get; init; } = [];

    /// <summary>Generation <paramref name="i"/> of <paramref name="values"/>, or 0 when the server sent fewer.</summary>
    public static T At<T>(T[] values, int i)
        where T : struct => i < values.Length ? values[i] : default;
}
