namespace Refheap.RuntimeTests.Gc;

/// <summary>The tests that read the process-wide Meter, run after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GcModuleMeterCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Refheap meter";
}
