using Refheap.Diagnostics.Cycles;

namespace Refheap.Server.Debug;

/// <summary>One shape of cycle and how many the collections found since the server started.</summary>
/// <param name="Shape">The shape as text: <c>Task -[_subtasks]-&gt; dict -[*]-&gt; Subtask -[_task]-&gt; Task</c>.</param>
/// <param name="Steps">The shape's (type, reference) steps, ending with the suggested reference.</param>
/// <param name="Cycles">Cycles of this shape, summed over the collections.</param>
/// <param name="Suggestion">The reference to make weak that breaks them (<c>Subtask._task</c>), or null when none was found.</param>
public sealed record CycleShapeSummary(string Shape, IReadOnlyList<CycleStep> Steps, long Cycles, string? Suggestion);
