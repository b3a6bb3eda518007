using System.Runtime.CompilerServices;
using Refheap.Diagnostics.Heapy;
using Refheap.Diagnostics.ObjGraph;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>
/// What the objgraph, guppy and tracemalloc modules of one program keep between calls: objgraph's
/// <c>get_new_ids</c> state (in an <see cref="ObjectGraph"/>), heapy's snapshots (Python
/// objects name them by index), the reference point of <c>setrelheap</c>, and tracemalloc's traces.
/// </summary>
internal sealed class DiagnosticsState
{
    private static readonly ConditionalWeakTable<Interpreter, DiagnosticsState> States = [];

    private DiagnosticsState(Interpreter interpreter)
    {
        Stdout = new SysStreamWriter(interpreter, "stdout", interpreter.Stdout);
        Graph = new ObjectGraph(interpreter.Runtime, Stdout);
        Tracer = new AllocationTracer(interpreter);
    }

    /// <summary>Writes to whatever <c>sys.stdout</c> is now.</summary>
    public TextWriter Stdout { get; }

    /// <summary>objgraph's state for this program.</summary>
    public ObjectGraph Graph { get; }

    /// <summary>tracemalloc's recorder for this program.</summary>
    public AllocationTracer Tracer { get; }

    /// <summary>The heapy snapshots (and subsets of them) the program's set objects stand for, by index.</summary>
    public List<HeapSnapshot> Snapshots { get; } = [];

    /// <summary>The snapshot <c>setrelheap()</c> took, or null: <c>heap()</c> then gives what is new since.</summary>
    public HeapSnapshot? RelativeTo { get; set; }

    /// <summary>The state of <paramref name="interpreter"/>'s program.</summary>
    public static DiagnosticsState Of(Interpreter interpreter) => States.GetValue(interpreter, i => new DiagnosticsState(i));

    /// <summary>Keeps <paramref name="snapshot"/> and returns its index.</summary>
    public int Add(HeapSnapshot snapshot)
    {
        Snapshots.Add(snapshot);
        return Snapshots.Count - 1;
    }
}
