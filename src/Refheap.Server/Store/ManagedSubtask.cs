namespace Refheap.Server.Store;

/// <summary>The managed model's Subtask: holds its Task strongly, as version 1 does (the .NET GC has no trouble with the cycle).</summary>
internal sealed class ManagedSubtask
{
    private readonly LiveObjectCounter _counter;

    public ManagedSubtask(LiveObjectCounter counter, ManagedTask task, string? name, string? payload)
    {
        _counter = counter;
        Task = task;
        Name = name;
        Payload = payload;
        counter.Constructed();
    }

    ~ManagedSubtask() => _counter.Finalized();

    public ManagedTask Task { get; }

    public string? Name { get; set; }

    public string? Payload { get; set; }
}
