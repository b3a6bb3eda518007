namespace Refheap.RuntimeTests;

/// <summary>Tests that measure the whole process (managed heap size) and must not run beside others.</summary>
[CollectionDefinition(nameof(ProcessWideMeasurements), DisableParallelization = true)]
public sealed class ProcessWideMeasurements;
