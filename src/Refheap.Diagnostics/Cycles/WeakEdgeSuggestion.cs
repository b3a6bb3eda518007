namespace Refheap.Diagnostics.Cycles;

/// <summary>A reference to make weak, and how many of the collection's cycles that would break.</summary>
/// <param name="SourceType">The type holding the reference.</param>
/// <param name="Label">The reference's name (see <see cref="CycleStep.Label"/>).</param>
/// <param name="TargetType">The type it refers to.</param>
/// <param name="CyclesBroken">Cycles of the collection (counted as in <see cref="CycleGroup.Cycles"/>) whose shape runs through this reference.</param>
/// <param name="CyclesTotal">All cycles of the collection, counted the same way.</param>
public sealed record WeakEdgeSuggestion(string SourceType, string Label, string TargetType, long CyclesBroken, long CyclesTotal)
{
    /// <summary>The reference as code names it: <c>Subtask._task</c> for an attribute, else <c>dict -[*]-&gt; Subtask</c>.</summary>
    public string Edge => CycleShapes.IsAttribute(Label) ? $"{SourceType}.{Label}" : $"{SourceType} {CycleShapes.Arrow(Label)} {TargetType}";

    /// <inheritdoc/>
    public override string ToString() =>
        $"make {Edge} a weak reference (weakref.ref or weakref.proxy): that breaks {CyclesBroken:N0} of the {CyclesTotal:N0} cycles";
}
