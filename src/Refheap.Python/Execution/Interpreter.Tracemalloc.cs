namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    /// <summary>
    /// Whether <c>tracemalloc</c> is tracing: the evaluator then stores each instruction's index
    /// in its frame before running it, so that an allocation is attributed to the line running
    /// (otherwise the index is stored only at calls and yields). Off, it costs one test per instruction.
    /// </summary>
    public bool TracesAllocations { get; set; }
}
