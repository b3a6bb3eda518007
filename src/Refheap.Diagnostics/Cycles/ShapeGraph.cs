using System.Runtime.CompilerServices;
using Refheap.Objects;

namespace Refheap.Diagnostics.Cycles;

/// <summary>
/// The garbage of one collection as the cycle report sees it, in flat arrays: nodes are the
/// garbage objects except instance dicts (folded into their instance), numbered in the
/// garbage's order; each node's references to other nodes, in the walk's order, are the
/// edges <c>EdgeStart[n] .. EdgeStart[n + 1]</c>; type names and labels are interned as ids.
/// Its strongly connected components are numbered, and a node on no cycle has none.
/// </summary>
/// <remarks>
/// One graph is rebuilt for every collection: its arrays only grow (they are longer than
/// their contents; the counts say how much is in use), so that a collection's analysis does
/// not allocate in proportion to its garbage. Its loops are compiled optimized at once
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): each runs once per collection, too
/// rarely for tiered compilation to reach them before the report has cost many pauses.
/// </remarks>
internal sealed class ShapeGraph
{
    /// <summary>How many of the last interned names <see cref="Intern"/> compares by reference before hashing.</summary>
    private const int RecentNames = 8;

    private readonly Dictionary<nint, int> _index = [];
    private readonly Dictionary<string, int> _typeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _labelIds = new(StringComparer.Ordinal);
    private readonly List<HeapWalkEdge> _buffer = [];

    // The garbage objects' references to garbage, object by object (indexes into the garbage list).
    private int[] _objectEdgeStart = [];
    private int[] _objectEdgeTarget = [];
    private HeapWalkEdgeKind[] _objectEdgeKind = [];
    private int[] _objectEdgeLabel = [];
    private int[] _objectEdgeAttribute = [];
    private int _objectEdgeCount;
    private int[] _nodeOf = [];
    private bool[] _owned = [];

    // Tarjan's state.
    private int[] _visitOrder = [];
    private int[] _low = [];
    private bool[] _onStack = [];
    private int[] _stack = [];
    private int[] _workNode = [];
    private int[] _workEdge = [];

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

    /// <summary>Number of edges.</summary>
    public int EdgeCount { get; private set; }

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

    /// <summary>Rebuilds the graph from the garbage at <paramref name="addresses"/> (borrowed; alive during the call).</summary>
    public void Build(ObjectApi api, IReadOnlyList<nint> addresses)
    {
        _typeIds.Clear();
        TypeNames.Clear();
        _labelIds.Clear();
        Labels.Clear();
        ReadReferences(api, addresses);
        FoldInstanceDicts(api, addresses);
        FindComponents();
        ListMembers();
    }

    /// <summary><paramref name="array"/>, replaced by a longer one (contents dropped) when shorter than <paramref name="length"/>.</summary>
    private static T[] AtLeast<T>(T[] array, int length) => array.Length >= length ? array : new T[Math.Max(length, array.Length * 2)];

    /// <summary>
    /// After it: every garbage object's references to garbage, in walk order, each with its
    /// target's index, its kind, its label in a shape, and its label as an attribute (what a
    /// value of a folded instance dict is called); nothing outside the garbage.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadReferences(ObjectApi api, IReadOnlyList<nint> addresses)
    {
        _index.Clear();
        _index.EnsureCapacity(addresses.Count);
        for (var i = 0; i < addresses.Count; i++)
        {
            _index.Add(addresses[i], i);
        }

        _objectEdgeStart = AtLeast(_objectEdgeStart, addresses.Count + 1);
        _objectEdgeStart[0] = 0;
        _objectEdgeCount = 0;
        using var reader = api.ReferenceReader();
        for (var i = 0; i < addresses.Count; i++)
        {
            reader.ReadCollectable(addresses[i], _buffer);
            foreach (var e in _buffer)
            {
                if (_index.TryGetValue(e.Target, out var t))
                {
                    AddObjectEdge(t, e);
                }
            }

            _objectEdgeStart[i + 1] = _objectEdgeCount;
        }
    }

    private void AddObjectEdge(int target, HeapWalkEdge e)
    {
        if (_objectEdgeCount == _objectEdgeTarget.Length)
        {
            var length = Math.Max(1024, _objectEdgeCount * 2);
            _objectEdgeTarget = Grow(_objectEdgeTarget, length);
            _objectEdgeKind = Grow(_objectEdgeKind, length);
            _objectEdgeLabel = Grow(_objectEdgeLabel, length);
            _objectEdgeAttribute = Grow(_objectEdgeAttribute, length);
        }

        var label = Intern(_labelIds, Labels, EdgeLabels.ShapeOf(e));
        _objectEdgeTarget[_objectEdgeCount] = target;
        _objectEdgeKind[_objectEdgeCount] = e.Kind;
        _objectEdgeLabel[_objectEdgeCount] = label;
        _objectEdgeAttribute[_objectEdgeCount] = e.Kind == HeapWalkEdgeKind.DictValue && e.Name != null ? Intern(_labelIds, Labels, e.Name) : label;
        _objectEdgeCount++;
    }

    private static T[] Grow<T>(T[] array, int length)
    {
        Array.Resize(ref array, length);
        return array;
    }

    /// <summary>
    /// After it: the nodes (every garbage object but the instance dicts), their types, and their
    /// edges, where an instance's own dict is folded into it: its str-keyed values become attributes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FoldInstanceDicts(ObjectApi api, IReadOnlyList<nint> addresses)
    {
        var m = addresses.Count;
        _owned = AtLeast(_owned, m);
        Array.Clear(_owned, 0, m);
        for (var k = 0; k < _objectEdgeCount; k++)
        {
            if (_objectEdgeKind[k] == HeapWalkEdgeKind.InstanceDict)
            {
                _owned[_objectEdgeTarget[k]] = true;
            }
        }

        _nodeOf = AtLeast(_nodeOf, m);
        NodeType = AtLeast(NodeType, m);
        NodeCount = 0;
        for (var i = 0; i < m; i++)
        {
            _nodeOf[i] = _owned[i] ? -1 : NodeCount;
            if (!_owned[i])
            {
                NodeType[NodeCount++] = Intern(_typeIds, TypeNames, ObjectApi.ShortTypeName(ObjectApi.AtAddress(addresses[i])));
            }
        }

        EdgeStart = AtLeast(EdgeStart, NodeCount + 1);
        EdgeStart[0] = 0;
        EdgeCount = 0;
        for (var i = 0; i < m; i++)
        {
            if (_owned[i])
            {
                continue;
            }

            for (var k = _objectEdgeStart[i]; k < _objectEdgeStart[i + 1]; k++)
            {
                if (_objectEdgeKind[k] != HeapWalkEdgeKind.InstanceDict)
                {
                    AddEdge(_nodeOf[_objectEdgeTarget[k]], _objectEdgeLabel[k]);
                    continue;
                }

                var dict = _objectEdgeTarget[k];
                for (var j = _objectEdgeStart[dict]; j < _objectEdgeStart[dict + 1]; j++)
                {
                    AddEdge(_nodeOf[_objectEdgeTarget[j]], _objectEdgeAttribute[j]);
                }
            }

            EdgeStart[_nodeOf[i] + 1] = EdgeCount;
        }
    }

    /// <summary>An edge to <paramref name="target"/> (nothing when it is a folded dict, which is no node).</summary>
    private void AddEdge(int target, int label)
    {
        if (target < 0)
        {
            return;
        }

        if (EdgeCount == EdgeTarget.Length)
        {
            var length = Math.Max(1024, EdgeCount * 2);
            EdgeTarget = Grow(EdgeTarget, length);
            EdgeLabel = Grow(EdgeLabel, length);
        }

        EdgeTarget[EdgeCount] = target;
        EdgeLabel[EdgeCount] = label;
        EdgeCount++;
    }

    private static int Intern(Dictionary<string, int> ids, List<string> names, string name)
    {
        // Most names come back as the same string object (a type's name, "[*]"): compare references first.
        for (var i = names.Count - 1; i >= 0 && i >= names.Count - RecentNames; i--)
        {
            if (ReferenceEquals(names[i], name))
            {
                return i;
            }
        }

        if (!ids.TryGetValue(name, out var id))
        {
            ids[name] = id = names.Count;
            names.Add(name);
        }

        return id;
    }

    /// <summary>After it: <see cref="Component"/> by Tarjan's algorithm (iterative), -1 for a node on no cycle (alone, without a reference to itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FindComponents()
    {
        var n = NodeCount;
        var index = _visitOrder = AtLeast(_visitOrder, n);
        var low = _low = AtLeast(_low, n);
        var onStack = _onStack = AtLeast(_onStack, n);
        var stack = _stack = AtLeast(_stack, n);
        Component = AtLeast(Component, n);
        Array.Fill(index, -1, 0, n);
        Array.Fill(Component, -1, 0, n);
        Array.Clear(onStack, 0, n);
        ComponentCount = 0;
        var stackTop = 0;

        // The depth-first path: each node with its next edge to look at.
        var workNode = _workNode = AtLeast(_workNode, n);
        var workEdge = _workEdge = AtLeast(_workEdge, n);
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ListMembers()
    {
        MemberStart = AtLeast(MemberStart, ComponentCount + 1);
        Array.Clear(MemberStart, 0, ComponentCount + 1);
        for (var v = 0; v < NodeCount; v++)
        {
            if (Component[v] >= 0)
            {
                MemberStart[Component[v] + 1]++;
            }
        }

        for (var c = 0; c < ComponentCount; c++)
        {
            MemberStart[c + 1] += MemberStart[c];
        }

        Members = AtLeast(Members, MemberStart[ComponentCount]);

        // Tarjan's stack is free again: it holds each component's next free slot.
        var next = _stack;
        Array.Copy(MemberStart, next, ComponentCount);
        for (var v = 0; v < NodeCount; v++)
        {
            if (Component[v] >= 0)
            {
                Members[next[Component[v]]++] = v;
            }
        }
    }
}
