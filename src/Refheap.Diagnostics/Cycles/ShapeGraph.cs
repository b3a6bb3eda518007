using Refheap.Objects;

namespace Refheap.Diagnostics.Cycles;

/// <summary>
/// The garbage of one collection as the cycle report sees it, in flat arrays: nodes are the
/// garbage objects except instance dicts (folded into their instance), numbered in the
/// garbage's order; each node's references to other nodes, in the walk's order, are the
/// edges <c>EdgeStart[n] .. EdgeStart[n + 1]</c>; type names and labels are interned as ids.
/// Its strongly connected components are numbered, and a node on no cycle has none.
/// </summary>
internal sealed class ShapeGraph
{
    private readonly Dictionary<string, int> _typeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _labelIds = new(StringComparer.Ordinal);
    private readonly List<int> _edgeTargets = [];
    private readonly List<int> _edgeLabels = [];

    private ShapeGraph()
    {
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; private set; }

    /// <summary>Each node's type id (an index into <see cref="TypeNames"/>).</summary>
    public int[] NodeType { get; private set; } = [];

    /// <summary>The short type names, by id.</summary>
    public List<string> TypeNames { get; } = [];

    /// <summary>Node n's edges are <c>EdgeStart[n] .. EdgeStart[n + 1] - 1</c>.</summary>
    public int[] EdgeStart { get; private set; } = [];

    /// <summary>Each edge's target node.</summary>
    public int[] EdgeTarget { get; private set; } = [];

    /// <summary>Each edge's label id (an index into <see cref="Labels"/>).</summary>
    public int[] EdgeLabel { get; private set; } = [];

    /// <summary>The edge labels (<see cref="CycleStep.Label"/>), by id.</summary>
    public List<string> Labels { get; } = [];

    /// <summary>Each node's strongly connected component, or -1 for a node on no cycle.</summary>
    public int[] Component { get; private set; } = [];

    /// <summary>Number of cyclic components.</summary>
    public int ComponentCount { get; private set; }

    /// <summary>Component c's nodes are <c>Members[MemberStart[c] .. MemberStart[c + 1] - 1]</c>, ascending.</summary>
    public int[] MemberStart { get; private set; } = [];

    /// <summary>The nodes of every cyclic component, grouped by component.</summary>
    public int[] Members { get; private set; } = [];

    /// <summary>Builds the graph of the garbage at <paramref name="addresses"/> (borrowed; alive during the call).</summary>
    public static ShapeGraph Build(ObjectApi api, IReadOnlyList<nint> addresses)
    {
        var graph = new ShapeGraph();
        var objects = ReadReferences(api, addresses);
        graph.FoldInstanceDicts(api, addresses, objects);
        graph.FindComponents();
        graph.ListMembers();
        return graph;
    }

    /// <summary>The references of every garbage object to other garbage objects (as indexes into the garbage list), in walk order.</summary>
    private sealed record ObjectEdges(int[] Start, List<int> Target, List<HeapWalkEdge> Edge);

    /// <summary>After it: every garbage object's references to garbage, and nothing outside the garbage.</summary>
    private static ObjectEdges ReadReferences(ObjectApi api, IReadOnlyList<nint> addresses)
    {
        var index = new Dictionary<nint, int>(addresses.Count);
        for (var i = 0; i < addresses.Count; i++)
        {
            index.Add(addresses[i], i);
        }

        var objects = new ObjectEdges(new int[addresses.Count + 1], new List<int>(addresses.Count * 2), new List<HeapWalkEdge>(addresses.Count * 2));
        var buffer = new List<HeapWalkEdge>();
        using var reader = api.ReferenceReader();
        for (var i = 0; i < addresses.Count; i++)
        {
            reader.Read(addresses[i], buffer);
            foreach (var e in buffer)
            {
                if (index.TryGetValue(e.Target, out var t))
                {
                    objects.Target.Add(t);
                    objects.Edge.Add(e);
                }
            }

            objects.Start[i + 1] = objects.Target.Count;
        }

        return objects;
    }

    /// <summary>
    /// After it: the nodes (every garbage object but the instance dicts), their types, and their
    /// edges, where an instance's own dict is folded into it: its str-keyed values become attributes.
    /// </summary>
    private void FoldInstanceDicts(ObjectApi api, IReadOnlyList<nint> addresses, ObjectEdges objects)
    {
        var owned = new bool[addresses.Count];
        for (var k = 0; k < objects.Edge.Count; k++)
        {
            if (objects.Edge[k].Kind == HeapWalkEdgeKind.InstanceDict)
            {
                owned[objects.Target[k]] = true;
            }
        }

        var nodeOf = new int[addresses.Count];
        var types = new List<int>(addresses.Count);
        for (var i = 0; i < addresses.Count; i++)
        {
            nodeOf[i] = owned[i] ? -1 : types.Count;
            if (!owned[i])
            {
                types.Add(Intern(_typeIds, TypeNames, ObjectApi.ShortTypeName(ObjectApi.AtAddress(addresses[i]))));
            }
        }

        NodeCount = types.Count;
        NodeType = [.. types];
        EdgeStart = new int[NodeCount + 1];
        for (var i = 0; i < addresses.Count; i++)
        {
            if (owned[i])
            {
                continue;
            }

            for (var k = objects.Start[i]; k < objects.Start[i + 1]; k++)
            {
                var e = objects.Edge[k];
                if (e.Kind != HeapWalkEdgeKind.InstanceDict)
                {
                    AddEdge(nodeOf[objects.Target[k]], EdgeLabels.ShapeOf(e));
                    continue;
                }

                var dict = objects.Target[k];
                for (var j = objects.Start[dict]; j < objects.Start[dict + 1]; j++)
                {
                    var d = objects.Edge[j];
                    AddEdge(nodeOf[objects.Target[j]], d.Kind == HeapWalkEdgeKind.DictValue && d.Name != null ? d.Name : EdgeLabels.ShapeOf(d));
                }
            }

            EdgeStart[nodeOf[i] + 1] = _edgeTargets.Count;
        }

        EdgeTarget = [.. _edgeTargets];
        EdgeLabel = [.. _edgeLabels];
    }

    /// <summary>An edge to <paramref name="target"/> (nothing when it is a folded dict, which is no node).</summary>
    private void AddEdge(int target, string label)
    {
        if (target >= 0)
        {
            _edgeTargets.Add(target);
            _edgeLabels.Add(Intern(_labelIds, Labels, label));
        }
    }

    private static int Intern(Dictionary<string, int> ids, List<string> names, string name)
    {
        if (!ids.TryGetValue(name, out var id))
        {
            ids[name] = id = names.Count;
            names.Add(name);
        }

        return id;
    }

    /// <summary>After it: <see cref="Component"/> by Tarjan's algorithm (iterative), -1 for a node on no cycle (alone, without a reference to itself).</summary>
    private void FindComponents()
    {
        var n = NodeCount;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Component = new int[n];
        Array.Fill(index, -1);
        Array.Fill(Component, -1);
        var stack = new int[n];
        var stackTop = 0;

        // The depth-first path: each node with its next edge to look at.
        var workNode = new int[n];
        var workEdge = new int[n];
        var workTop = 0;
        var counter = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] != -1)
            {
                continue;
            }

            Enter(root);
            while (workTop > 0)
            {
                var v = workNode[workTop - 1];
                var e = workEdge[workTop - 1];
                if (e < EdgeStart[v + 1])
                {
                    workEdge[workTop - 1]++;
                    var w = EdgeTarget[e];
                    if (index[w] == -1)
                    {
                        Enter(w);
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                workTop--;
                if (workTop > 0)
                {
                    var parent = workNode[workTop - 1];
                    low[parent] = Math.Min(low[parent], low[v]);
                }

                if (low[v] == index[v])
                {
                    var bottom = stackTop;
                    do
                    {
                        bottom--;
                        onStack[stack[bottom]] = false;
                    }
                    while (stack[bottom] != v);

                    if (stackTop - bottom > 1 || RefersToItself(v))
                    {
                        for (var m = bottom; m < stackTop; m++)
                        {
                            Component[stack[m]] = ComponentCount;
                        }

                        ComponentCount++;
                    }

                    stackTop = bottom;
                }
            }
        }

        void Enter(int v)
        {
            index[v] = low[v] = counter++;
            stack[stackTop++] = v;
            onStack[v] = true;
            workNode[workTop] = v;
            workEdge[workTop] = EdgeStart[v];
            workTop++;
        }
    }

    private bool RefersToItself(int v)
    {
        for (var e = EdgeStart[v]; e < EdgeStart[v + 1]; e++)
        {
            if (EdgeTarget[e] == v)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After it: <see cref="Members"/>, each component's nodes in ascending order (a counting sort).</summary>
    private void ListMembers()
    {
        MemberStart = new int[ComponentCount + 1];
        foreach (var c in Component)
        {
            if (c >= 0)
            {
                MemberStart[c + 1]++;
            }
        }

        for (var c = 0; c < ComponentCount; c++)
        {
            MemberStart[c + 1] += MemberStart[c];
        }

        Members = new int[MemberStart[ComponentCount]];
        var next = MemberStart[..ComponentCount];
        for (var v = 0; v < NodeCount; v++)
        {
            if (Component[v] >= 0)
            {
                Members[next[Component[v]]++] = v;
            }
        }
    }
}
