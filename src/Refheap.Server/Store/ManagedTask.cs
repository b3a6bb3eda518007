namespace Refheap.Server.Store;

/// <summary>The managed model's Task: the heap Task's shape as a plain .NET object.</summary>
internal sealed class ManagedTask
{
    private readonly LiveObjectCounter _counter;

    public ManagedTask(LiveObjectCounter counter, string? name, string? payload)
    {
        _counter = counter;
        Name = name;
        Payload = payload;
        counter.Constructed();
    }

    // Counting finalizations is the only way to see when the .NET GC freed the object.
    ~ManagedTask() => _counter.Finalized();

    public string? Name { get; set; }

    public string? Payload { get; set; }

    /// <summary>subtask_id → Subtask; never removed from, so its keys stay in insertion order.</summary>
    public Dictionary<string, ManagedSubtask> Subtasks { get; } = [];
}
