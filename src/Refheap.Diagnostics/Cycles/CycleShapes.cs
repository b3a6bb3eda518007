using System.Runtime.InteropServices;
using System.Text;
using Refheap.Objects;

namespace Refheap.Diagnostics.Cycles;

/// <summary>
/// Finds the cycles among a set of garbage objects and groups them by shape.
/// </summary>
/// <remarks>
/// The graph: the garbage objects and the references among them, where an instance's own
/// dict is folded into the instance (2.7 keeps attributes in a dict object, 3.12 inline), so
/// that both profiles show <c>Task -[_subtasks]-&gt;</c>. The cycles: for every object in a
/// strongly connected component, the shortest cycle through it (breadth-first, at most
/// <see cref="SearchLimit"/> objects visited per start). The shape: the cycle's (type,
/// reference name) steps, with dict values as <c>[*]</c> and list items as <c>[i]</c>, under
/// its smallest rotation. A shape's count is the number of components (separate cyclic
/// structures of garbage) where it occurs: a Task whose dict holds five Subtasks, each
/// pointing back, is one cycle of one shape, whatever the number of Subtasks. The phases:
/// <see cref="ShapeGraph.Build"/> (read the garbage into arrays, fold the dicts, find the
/// components), <see cref="TallyShapes"/> (search each kind of component once), then
/// <see cref="Suggest"/> (the references to make weak).
/// </remarks>
internal sealed class CycleShapes
{
    /// <summary>Objects a shortest-cycle search may visit from one start before giving up on it.</summary>
    public const int SearchLimit = 10_000;

    private readonly ShapeGraph _graph = new();
    private readonly CycleSearch _search;

    /// <summary>An analysis whose buffers serve one collection after another (one at a time).</summary>
    public CycleShapes() => _search = new CycleSearch(_graph);

    /// <summary>Analyses the garbage at <paramref name="addresses"/> (borrowed; alive during the call).</summary>
    public (List<CycleGroup> Groups, List<WeakEdgeSuggestion> Suggestions) Analyze(ObjectApi api, IReadOnlyList<nint> addresses)
    {
        if (addresses.Count == 0)
        {
            // Most young collections find nothing: no buffers to size, no walk.
            return ([], []);
        }

        _graph.Build(api, addresses);
        _search.Reset();
        return Suggest(TallyShapes(_graph, _search));
    }

    /// <summary>
    /// After it: every shape, in the order of the first node (by number) whose shortest cycle
    /// has it, with the steps found from that node and the number of components where it occurs.
    /// </summary>
    /// <remarks>
    /// Every node's shortest cycle is searched only in the first component of each kind: a
    /// component with the same description (<see cref="CycleSearch.Describe"/>) is the same graph,
    /// so its nodes' cycles have the shapes of the nodes they pair with. Thousands of Tasks
    /// dropped alike cost one search per node of one Task, and a description each.
    /// </remarks>
    private static List<(CycleStep[] Steps, long Cycles)> TallyShapes(ShapeGraph graph, CycleSearch search)
    {
        var known = new Dictionary<int[], (int Shape, CycleStep[]? Steps)[]>(CertificateComparer.Instance);
        var lookup = known.GetAlternateLookup<ReadOnlySpan<int>>();
        var shapeIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var shapes = new List<(CycleStep[] Steps, int FirstNode, long Cycles, int LastComponent)>();
        var (certificate, order) = (new List<int>(), new List<int>());
        for (var c = 0; c < graph.ComponentCount; c++)
        {
            search.Describe(c, certificate, order);
            if (!lookup.TryGetValue(CollectionsMarshal.AsSpan(certificate), out var byPosition))
            {
                byPosition = new (int, CycleStep[]?)[order.Count];
                for (var p = 0; p < order.Count; p++)
                {
                    byPosition[p] = search.ShortestCycle(order[p]) is { } cycle ? ShapeOf(cycle, shapeIds, shapes) : (-1, null);
                }

                known.Add([.. certificate], byPosition);
            }

            for (var p = 0; p < order.Count; p++)
            {
                var (id, steps) = byPosition[p];
                if (id < 0)
                {
                    continue;
                }

                var shape = shapes[id];
                if (shape.LastComponent != c)
                {
                    (shape.Cycles, shape.LastComponent) = (shape.Cycles + 1, c);
                }

                if (order[p] < shape.FirstNode)
                {
                    (shape.FirstNode, shape.Steps) = (order[p], steps!);
                }

                shapes[id] = shape;
            }
        }

        return shapes.OrderBy(s => s.FirstNode).Select(s => (s.Steps, s.Cycles)).ToList();
    }

    /// <summary>The id of a cycle's shape (its text under its smallest rotation), registered in <paramref name="shapes"/> when new, with the rotated steps.</summary>
    private static (int Shape, CycleStep[] Steps) ShapeOf(List<CycleStep> cycle, Dictionary<string, int> shapeIds, List<(CycleStep[] Steps, int FirstNode, long Cycles, int LastComponent)> shapes)
    {
        var steps = CanonicalRotation(cycle);
        var text = Format(steps);
        if (!shapeIds.TryGetValue(text, out var id))
        {
            shapeIds[text] = id = shapes.Count;
            shapes.Add((steps, int.MaxValue, 0, -1));
        }

        return (id, steps);
    }

    private static List<T> Rotate<T>(List<T> items, int start) => [.. items.Skip(start), .. items.Take(start)];

    /// <summary>
    /// The rotation whose key — each step's type, U+0002, label, the steps joined by U+0001 — is
    /// ordinally smallest (the first such). Every rotation's key is a slice of one string, the
    /// steps written twice around.
    /// </summary>
    private static CycleStep[] CanonicalRotation(List<CycleStep> steps)
    {
        var n = steps.Count;
        var offsets = new int[n];
        var text = new StringBuilder();
        for (var i = 0; i < 2 * n; i++)
        {
            if (i < n)
            {
                offsets[i] = text.Length;
            }

            text.Append(steps[i % n].TypeName).Append('\u0002').Append(steps[i % n].Label).Append('\u0001');
        }

        var twice = text.ToString();
        var length = (twice.Length / 2) - 1;
        var best = 0;
        for (var r = 1; r < n; r++)
        {
            if (twice.AsSpan(offsets[r], length).SequenceCompareTo(twice.AsSpan(offsets[best], length)) < 0)
            {
                best = r;
            }
        }

        return [.. Rotate(steps, best)];
    }

    /// <summary>
    /// Greedy cover: repeatedly suggest the reference through which the most remaining cycles
    /// run; ties go to a back-reference (an attribute of an object that its owner holds in a
    /// container: the <c>_task</c> of a Subtask in a Task's dict), then to any attribute (a
    /// container's items cannot simply be made weak), then by name.
    /// </summary>
    private static (List<CycleGroup>, List<WeakEdgeSuggestion>) Suggest(List<(CycleStep[] Steps, long Cycles)> groups)
    {
        var total = groups.Sum(g => g.Cycles);
        var remaining = groups.Select((g, i) => i).ToHashSet();
        var chosen = new Dictionary<int, WeakEdgeSuggestion>();
        var suggestions = new List<WeakEdgeSuggestion>();
        while (remaining.Count > 0)
        {
            var candidates = new Dictionary<(string, string, string), (long Broken, int Score)>();
            foreach (var gi in remaining)
            {
                var steps = groups[gi].Steps;
                foreach (var (edge, score) in EdgesOf(steps).Distinct())
                {
                    var (broken, s) = candidates.GetValueOrDefault(edge);
                    candidates[edge] = (broken + groups[gi].Cycles, Math.Max(s, score));
                }
            }

            var best = candidates.OrderByDescending(c => c.Value.Broken).ThenByDescending(c => c.Value.Score)
                .ThenBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2, StringComparer.Ordinal).First();
            var suggestion = new WeakEdgeSuggestion(best.Key.Item1, best.Key.Item2, best.Key.Item3, best.Value.Broken, total);
            suggestions.Add(suggestion);
            foreach (var gi in remaining.Where(gi => EdgesOf(groups[gi].Steps).Any(e => e.Edge == best.Key)).ToList())
            {
                chosen[gi] = suggestion;
                remaining.Remove(gi);
            }
        }

        var result = groups.Select((g, i) => new CycleGroup(EndWith(g.Steps, chosen[i]), g.Cycles, chosen[i]))
            .OrderByDescending(g => g.Cycles).ThenBy(g => g.Shape, StringComparer.Ordinal).ToList();
        return (result, suggestions);
    }

    /// <summary>The (source, label, target) references of a shape, each with its back-reference score.</summary>
    private static IEnumerable<((string, string, string) Edge, int Score)> EdgesOf(CycleStep[] steps)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            var next = steps[(i + 1) % steps.Length];
            var previous = steps[(i + steps.Length - 1) % steps.Length];
            var attribute = IsAttribute(steps[i].Label);
            var enteredAsItem = previous.Label is "[*]" or "[i]";
            yield return ((steps[i].TypeName, steps[i].Label, next.TypeName), attribute ? (enteredAsItem ? 2 : 1) : 0);
        }
    }

    /// <summary>The shape rotated so that it ends with the suggested reference (it reads owner first, back-reference last).</summary>
    private static CycleStep[] EndWith(CycleStep[] steps, WeakEdgeSuggestion s)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i].TypeName == s.SourceType && steps[i].Label == s.Label && steps[(i + 1) % steps.Length].TypeName == s.TargetType)
            {
                return [.. Rotate(steps.ToList(), (i + 1) % steps.Length)];
            }
        }

        return steps;
    }

    /// <summary>Whether a label is an attribute name (not <c>[*]</c>, <c>[i]</c>, <c>&lt;key&gt;</c>, <c>__dict__</c>, <c>__class__</c> or empty).</summary>
    internal static bool IsAttribute(string label) =>
        label.Length > 0 && label[0] != '[' && label[0] != '<' && label is not ("__dict__" or "__class__");

    /// <summary><c>-[name]-&gt;</c> for an attribute, <c>-[*]-&gt;</c> / <c>-[i]-&gt;</c> for items, <c>--&gt;</c> for an unnamed reference.</summary>
    internal static string Arrow(string label) => label.Length == 0 ? "-->" : label[0] == '[' ? $"-{label}->" : $"-[{label}]->";

    /// <summary>A shape as text, back to its first type: <c>A -[x]-&gt; B -[y]-&gt; A</c>.</summary>
    internal static string Format(IReadOnlyList<CycleStep> steps) =>
        string.Join(" ", steps.Select(s => $"{s.TypeName} {Arrow(s.Label)}")) + " " + steps[0].TypeName;
}
