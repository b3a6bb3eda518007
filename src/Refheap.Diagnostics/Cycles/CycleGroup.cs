namespace Refheap.Diagnostics.Cycles;

/// <summary>The cycles of one collection that share a shape.</summary>
/// <param name="Steps">The shape, rotated to end with the reference <see cref="Suggestion"/> names (the back-reference).</param>
/// <param name="Cycles">How many separate cyclic structures of garbage (strongly connected components) had this shape.</param>
/// <param name="Suggestion">The reference to make weak that breaks these cycles.</param>
public sealed record CycleGroup(IReadOnlyList<CycleStep> Steps, long Cycles, WeakEdgeSuggestion? Suggestion)
{
    /// <summary>The shape as text: <c>Task -[_subtasks]-&gt; dict -[*]-&gt; Subtask -[_task]-&gt; Task</c>.</summary>
    public string Shape => CycleShapes.Format(Steps);

    /// <inheritdoc/>
    public override string ToString() => $"{Shape}: {Cycles:N0} cycle{(Cycles == 1 ? "" : "s")}";
}
