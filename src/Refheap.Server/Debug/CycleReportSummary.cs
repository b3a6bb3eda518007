namespace Refheap.Server.Debug;

/// <summary>
/// The body of <c>GET /debug/cycles</c> (camelCase in JSON; docs/server.md): every collection's
/// cycle report since the server started, added up by shape and by suggested weak reference.
/// </summary>
public sealed record CycleReportSummary
{
    /// <summary><c>strong</c> or <c>weak</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The heap's profile (<c>py27</c>, <c>py312</c>).</summary>
    public required string Profile { get; init; }

    /// <summary>Collections reported on, of every generation.</summary>
    public required long Collections { get; init; }

    /// <summary>Collections that found at least one cycle.</summary>
    public required long CollectionsWithCycles { get; init; }

    /// <summary>Unreachable objects all those collections found (instance dicts included).</summary>
    public required long GarbageObjects { get; init; }

    /// <summary>Cycles found: separate cyclic structures of garbage, summed over the collections.</summary>
    public required long Cycles { get; init; }

    /// <summary>The shapes, most cycles first.</summary>
    public required IReadOnlyList<CycleShapeSummary> Shapes { get; init; }

    /// <summary>The references to make weak, most cycles broken first.</summary>
    public required IReadOnlyList<WeakEdgeSummary> Suggestions { get; init; }
}
