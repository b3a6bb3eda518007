using System.Text;
using Refheap.Gc;

namespace Refheap.Diagnostics.Cycles;

/// <summary>
/// What one collection found, grouped by the shape of its cycles, with the references to
/// make weak so that reference counting alone would have freed that garbage.
/// </summary>
public sealed class CycleReport
{
    internal CycleReport(CollectionResult collection, long garbageObjects, IReadOnlyList<CycleGroup> groups, IReadOnlyList<WeakEdgeSuggestion> suggestions)
    {
        Collection = collection;
        GarbageObjects = garbageObjects;
        Groups = groups;
        Suggestions = suggestions;
    }

    /// <summary>The collection's pause record.</summary>
    public CollectionResult Collection { get; }

    /// <summary>Unreachable objects the collection found (instance dicts included).</summary>
    public long GarbageObjects { get; }

    /// <summary>The shapes, most cycles first.</summary>
    public IReadOnlyList<CycleGroup> Groups { get; }

    /// <summary>The references to make weak, fewest covering every cycle (greedy: most cycles broken first).</summary>
    public IReadOnlyList<WeakEdgeSuggestion> Suggestions { get; }

    /// <summary>All cycles found.</summary>
    public long Cycles => Groups.Sum(g => g.Cycles);

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append($"gc: generation {Collection.Generation} collection found {GarbageObjects:N0} unreachable objects in {Cycles:N0} cycle{(Cycles == 1 ? "" : "s")}");
        sb.Append(Groups.Count == 0 ? "\n" : $" of {Groups.Count} shape{(Groups.Count == 1 ? "" : "s")}:\n");
        foreach (var g in Groups)
        {
            sb.Append("  ").Append(g).Append('\n');
        }

        foreach (var s in Suggestions)
        {
            sb.Append("  suggestion: ").Append(s).Append('\n');
        }

        return sb.ToString();
    }
}
