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
/// pointing back, is one cycle of one shape, whatever the number of Subtasks.
/// </remarks>
internal static class CycleShapes
{
    /// <summary>Objects a shortest-cycle search may visit from one start before giving up on it.</summary>
    public const int SearchLimit = 10_000;

    /// <summary>Analyses the garbage at <paramref name="addresses"/> (borrowed; alive during the call).</summary>
    public static (List<CycleGroup> Groups, List<WeakEdgeSuggestion> Suggestions) Analyze(ObjectApi api, IReadOnlyCollection<nint> addresses)
    {
        var graph = Build(api, addresses);
        var groups = new Dictionary<string, (CycleStep[] Steps, HashSet<int> Components)>(StringComparer.Ordinal);
        var component = StronglyConnectedComponents(graph.Edges);
        for (var s = 0; s < graph.Types.Length; s++)
        {
            if (ShortestCycle(graph.Edges, component, s) is not { } cycle)
            {
                continue;
            }

            var steps = CanonicalRotation(cycle.ConvertAll(c => new CycleStep(graph.Types[c.Node], c.Label)));
            var shape = Format(steps);
            if (!groups.TryGetValue(shape, out var g))
            {
                groups[shape] = g = (steps, []);
            }

            g.Components.Add(component[s]);
        }

        return Suggest(groups.Values.Select(g => (g.Steps, (long)g.Components.Count)).ToList());
    }

    private sealed record Graph(string[] Types, List<(int Target, string Label)>[] Edges);

    private static Graph Build(ObjectApi api, IReadOnlyCollection<nint> addresses)
    {
        var set = addresses.ToHashSet();
        var edges = addresses.ToDictionary(a => a, a => api.LabeledReferents(ObjectApi.AtAddress(a)).Where(e => set.Contains(e.Target)).ToList());

        // An instance's own dict is folded into it: its str-keyed values become attributes.
        var owned = new HashSet<nint>();
        foreach (var (a, list) in edges)
        {
            foreach (var e in list)
            {
                if (e.Kind == HeapWalkEdgeKind.InstanceDict)
                {
                    owned.Add(e.Target);
                }
            }
        }

        var nodes = addresses.Where(a => !owned.Contains(a)).ToList();
        var id = new Dictionary<nint, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            id[nodes[i]] = i;
        }

        var types = nodes.ConvertAll(a => ObjectApi.ShortTypeName(ObjectApi.AtAddress(a))).ToArray();
        var graphEdges = new List<(int, string)>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            graphEdges[i] = [];
            foreach (var e in edges[nodes[i]])
            {
                if (e.Kind == HeapWalkEdgeKind.InstanceDict)
                {
                    foreach (var d in edges[e.Target])
                    {
                        if (id.TryGetValue(d.Target, out var dt))
                        {
                            graphEdges[i].Add((dt, d.Kind == HeapWalkEdgeKind.DictValue && d.Name != null ? d.Name : EdgeLabels.ShapeOf(d)));
                        }
                    }
                }
                else if (id.TryGetValue(e.Target, out var t))
                {
                    graphEdges[i].Add((t, EdgeLabels.ShapeOf(e)));
                }
            }
        }

        return new Graph(types, graphEdges);
    }

    /// <summary>Tarjan's algorithm, iteratively; returns each node's component number, or -1 for a node on no cycle.</summary>
    private static int[] StronglyConnectedComponents(List<(int Target, string Label)>[] edges)
    {
        var n = edges.Length;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        var component = new int[n];
        Array.Fill(index, -1);
        Array.Fill(component, -1);
        var stack = new Stack<int>();
        var counter = 0;
        var components = 0;
        var work = new Stack<(int Node, int Next)>();
        for (var root = 0; root < n; root++)
        {
            if (index[root] != -1)
            {
                continue;
            }

            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (v, next) = work.Pop();
                if (next == 0)
                {
                    index[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                }

                if (next < edges[v].Count)
                {
                    work.Push((v, next + 1));
                    var w = edges[v][next].Target;
                    if (index[w] == -1)
                    {
                        work.Push((w, 0));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }

                if (low[v] == index[v])
                {
                    var members = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        members.Add(w);
                    }
                    while (w != v);

                    var cyclic = members.Count > 1 || edges[v].Any(e => e.Target == v);
                    foreach (var m in members)
                    {
                        component[m] = cyclic ? components : -1;
                    }

                    components++;
                }
            }
        }

        return component;
    }

    /// <summary>The shortest cycle through <paramref name="s"/> inside its component, as (node, label of its reference to the next) steps from s.</summary>
    private static List<(int Node, string Label)>? ShortestCycle(List<(int Target, string Label)>[] edges, int[] component, int s)
    {
        if (component[s] < 0)
        {
            return null;
        }

        var parent = new Dictionary<int, (int From, string Label)>();
        var queue = new Queue<int>();
        queue.Enqueue(s);
        var visited = 0;
        while (queue.Count > 0 && visited++ < SearchLimit)
        {
            var u = queue.Dequeue();
            foreach (var (t, label) in edges[u])
            {
                if (component[t] != component[s])
                {
                    continue;
                }

                if (t == s)
                {
                    var steps = new List<(int, string)> { (u, label) };
                    for (var v = u; v != s; v = parent[v].From)
                    {
                        steps.Add((parent[v].From, parent[v].Label));
                    }

                    steps.Reverse();
                    return steps;
                }

                if (parent.TryAdd(t, (u, label)))
                {
                    queue.Enqueue(t);
                }
            }
        }

        return null;
    }

    private static List<T> Rotate<T>(List<T> items, int start) => [.. items.Skip(start), .. items.Take(start)];

    private static CycleStep[] CanonicalRotation(List<CycleStep> steps)
    {
        CycleStep[]? best = null;
        string? bestKey = null;
        for (var r = 0; r < steps.Count; r++)
        {
            var rotated = Rotate(steps, r).ToArray();
            var key = string.Join("\u0001", rotated.Select(s => s.TypeName + "\u0002" + s.Label));
            if (bestKey == null || string.CompareOrdinal(key, bestKey) < 0)
            {
                (best, bestKey) = (rotated, key);
            }
        }

        return best!;
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
