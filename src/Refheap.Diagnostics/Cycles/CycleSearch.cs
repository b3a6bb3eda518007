using System.Runtime.CompilerServices;

namespace Refheap.Diagnostics.Cycles;

/// <summary>
/// Breadth-first searches in a <see cref="ShapeGraph"/>, with arrays reused from one search to
/// the next (and from one collection to the next): a node is marked for the current search by
/// stamping it with the search's number, so nothing is cleared or allocated per search.
/// </summary>
internal sealed class CycleSearch(ShapeGraph graph)
{
    private readonly ShapeGraph _graph = graph;
    private readonly List<int> _cycle = [];
    private int[] _stamp = [];
    private int[] _parent = [];
    private int[] _parentEdge = [];
    private int[] _position = [];
    private int[] _queue = [];
    private int[] _typeCount = [];
    private int[] _typeRank = [];
    private int _search;

    /// <summary>Makes room for the graph as just rebuilt.</summary>
    public void Reset()
    {
        var n = _graph.NodeCount;
        if (_stamp.Length < n)
        {
            // New stamps are zero, older than any search; the old ones are dropped.
            (_stamp, _parent, _parentEdge, _position, _queue) = (new int[n], new int[n], new int[n], new int[n], new int[n]);
        }

        // Types ranked by name (ordinal), so that a component's root does not depend on the order types were met in.
        var types = _graph.TypeNames;
        var byName = Enumerable.Range(0, types.Count).OrderBy(t => types[t], StringComparer.Ordinal).ToArray();
        (_typeCount, _typeRank) = (new int[types.Count], new int[types.Count]);
        for (var r = 0; r < byName.Length; r++)
        {
            _typeRank[byName[r]] = r;
        }
    }

    /// <summary>
    /// The shortest cycle through <paramref name="s"/> inside its component, as the edges taken
    /// from s (breadth-first, following each node's edges in order, the first shortest cycle
    /// found), or null when none is found within <see cref="CycleShapes.SearchLimit"/> nodes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<CycleStep>? ShortestCycle(int s)
    {
        var g = _graph;
        var component = g.Component[s];
        var search = NextSearch();
        _queue[0] = s;
        var (head, tail, visited) = (0, 1, 0);
        while (head < tail && visited++ < CycleShapes.SearchLimit)
        {
            var u = _queue[head++];
            for (var e = g.EdgeStart[u]; e < g.EdgeStart[u + 1]; e++)
            {
                var t = g.EdgeTarget[e];
                if (g.Component[t] != component)
                {
                    continue;
                }

                if (t == s)
                {
                    return Steps(s, u, e);
                }

                // s itself is never stamped: reaching it closes the cycle above.
                if (_stamp[t] != search)
                {
                    _stamp[t] = search;
                    _parent[t] = u;
                    _parentEdge[t] = e;
                    _queue[tail++] = t;
                }
            }
        }

        return null;
    }

    /// <summary>The steps of the cycle from s whose last edge is <paramref name="closing"/> (from <paramref name="u"/>), following the parents back.</summary>
    private List<CycleStep> Steps(int s, int u, int closing)
    {
        var g = _graph;
        _cycle.Clear();
        _cycle.Add(u);
        _cycle.Add(closing);
        for (var v = u; v != s; v = _parent[v])
        {
            _cycle.Add(_parent[v]);
            _cycle.Add(_parentEdge[v]);
        }

        // _cycle holds (node, edge from it) pairs from the last step back to the first.
        var steps = new List<CycleStep>(_cycle.Count / 2);
        for (var i = _cycle.Count - 2; i >= 0; i -= 2)
        {
            steps.Add(new CycleStep(g.TypeNames[g.NodeType[_cycle[i]]], g.Labels[g.EdgeLabel[_cycle[i + 1]]]));
        }

        return steps;
    }

    /// <summary>
    /// Writes into <paramref name="certificate"/> (cleared first) a description of component
    /// <paramref name="c"/> from which it can be rebuilt up to the nodes' identities, and into
    /// <paramref name="order"/> its nodes in the order the description numbers them. Two
    /// components with equal descriptions are the same graph — types, labels, and the order
    /// of each node's edges — with <paramref name="order"/> pairing their nodes, so every search
    /// above gives the same steps from paired nodes.
    /// </summary>
    /// <remarks>
    /// The root is a node of the component's rarest type (ties: the type first by name, then
    /// the first node), so that components built alike start from corresponding nodes
    /// whatever the order the collector listed them in. From it, breadth-first along each
    /// node's edges inside the component, each node is numbered when first met and described
    /// as its type, then (label, target number) per edge, then -1.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Describe(int c, List<int> certificate, List<int> order)
    {
        var g = _graph;
        certificate.Clear();
        order.Clear();
        var search = NextSearch();
        var root = Root(c);
        _stamp[root] = search;
        _position[root] = 0;
        order.Add(root);
        for (var p = 0; p < order.Count; p++)
        {
            var u = order[p];
            certificate.Add(g.NodeType[u]);
            for (var e = g.EdgeStart[u]; e < g.EdgeStart[u + 1]; e++)
            {
                var t = g.EdgeTarget[e];
                if (g.Component[t] != c)
                {
                    continue;
                }

                if (_stamp[t] != search)
                {
                    _stamp[t] = search;
                    _position[t] = order.Count;
                    order.Add(t);
                }

                certificate.Add(g.EdgeLabel[e]);
                certificate.Add(_position[t]);
            }

            certificate.Add(-1);
        }
    }

    private int Root(int c)
    {
        var g = _graph;
        var (start, end) = (g.MemberStart[c], g.MemberStart[c + 1]);
        for (var m = start; m < end; m++)
        {
            _typeCount[g.NodeType[g.Members[m]]] = 0;
        }

        for (var m = start; m < end; m++)
        {
            _typeCount[g.NodeType[g.Members[m]]]++;
        }

        var root = g.Members[start];
        for (var m = start + 1; m < end; m++)
        {
            var (v, rootType) = (g.Members[m], g.NodeType[root]);
            var (count, rootCount) = (_typeCount[g.NodeType[v]], _typeCount[rootType]);
            if (count < rootCount || (count == rootCount && _typeRank[g.NodeType[v]] < _typeRank[rootType]))
            {
                root = v;
            }
        }

        return root;
    }

    private int NextSearch()
    {
        if (++_search == int.MaxValue)
        {
            Array.Clear(_stamp);
            _search = 1;
        }

        return _search;
    }
}
