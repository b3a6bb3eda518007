namespace Refheap.Server.Debug;

/// <summary>A reference the cycle report suggested making weak, added up over the collections since the server started.</summary>
/// <param name="Edge">The reference as code names it: <c>Subtask._task</c>, or <c>dict -[*]-&gt; Subtask</c> for an item.</param>
/// <param name="SourceType">The type holding the reference.</param>
/// <param name="Label">The reference's name (docs/diagnostics.md, "Reference names").</param>
/// <param name="TargetType">The type it refers to.</param>
/// <param name="CyclesBroken">Cycles whose shape runs through it, summed over the collections that suggested it.</param>
/// <param name="CyclesTotal">All cycles found since the server started.</param>
/// <param name="Text">The suggestion as the cycle report prints it.</param>
public sealed record WeakEdgeSummary(string Edge, string SourceType, string Label, string TargetType, long CyclesBroken, long CyclesTotal, string Text);
