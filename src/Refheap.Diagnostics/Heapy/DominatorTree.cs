namespace Refheap.Diagnostics.Heapy;

/// <summary>
/// The dominator tree of a snapshot's reference graph, from a virtual root that references
/// every root object, and each object's retained size: what would be freed if it went.
/// </summary>
/// <remarks>
/// Built with the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
/// Dominance Algorithm", 2001): number the nodes in reverse postorder of a depth-first
/// search from the root, then repeat until nothing changes: each node's immediate dominator
/// is the intersection (nearest common ancestor in the current tree) of its processed
/// predecessors'. A retained size is the object's size plus those of the objects it
/// immediately dominates, summed bottom-up. Objects no root reaches (garbage waiting for
/// the collector) are left out of the tree.
/// </remarks>
public sealed class DominatorTree
{
    /// <summary>The immediate dominator of an object the virtual root dominates directly.</summary>
    public const int VirtualRoot = -1;

    /// <summary>The immediate dominator recorded for an object no root reaches.</summary>
    public const int Unreachable = -2;

    private readonly int[] _idom;
    private readonly long[] _retained;

    private DominatorTree(int[] idom, long[] retained, long reachableSize)
    {
        _idom = idom;
        _retained = retained;
        ReachableSize = reachableSize;
    }

    /// <summary>The immediate dominator of the object at <paramref name="index"/>: an index, <see cref="VirtualRoot"/> or <see cref="Unreachable"/>.</summary>
    public int ImmediateDominator(int index) => _idom[index];

    /// <summary>The retained size of the object at <paramref name="index"/> (0 when unreachable).</summary>
    public long RetainedSize(int index) => _retained[index];

    /// <summary>Whether some root reaches the object at <paramref name="index"/>.</summary>
    public bool IsReachable(int index) => _idom[index] != Unreachable;

    /// <summary>The total size of the objects the roots reach.</summary>
    public long ReachableSize { get; }

    /// <summary>The indexes of the <paramref name="n"/> objects with the largest retained sizes (ties: lower index first).</summary>
    public IReadOnlyList<int> Largest(int n) =>
        Enumerable.Range(0, _idom.Length).Where(IsReachable)
            .OrderByDescending(i => _retained[i]).ThenBy(i => i).Take(n).ToList();

    /// <summary>Whether <paramref name="dominator"/> dominates <paramref name="index"/> (every object dominates itself).</summary>
    public bool Dominates(int dominator, int index)
    {
        if (!IsReachable(index) || !IsReachable(dominator))
        {
            return false;
        }

        for (var v = index; v != VirtualRoot; v = _idom[v])
        {
            if (v == dominator)
            {
                return true;
            }
        }

        return false;
    }

    internal static DominatorTree Build(HeapSnapshot snapshot)
    {
        var n = snapshot.Count;

        // Node 0 is the virtual root; object i is node i + 1.
        var successors = new int[n + 1][];
        successors[0] = [.. snapshot.Objects.Where(o => o.IsRoot).Select(o => o.Index + 1)];
        for (var i = 0; i < n; i++)
        {
            var refs = snapshot.ReferencesFrom(i);
            var s = new int[refs.Length];
            for (var k = 0; k < refs.Length; k++)
            {
                s[k] = refs[k].Target + 1;
            }

            successors[i + 1] = s;
        }

        return Build(successors, snapshot.Objects.Select(o => o.Size).ToArray());
    }

    /// <summary>The tree of a graph given as successor lists, node 0 the root; sizes are those of nodes 1..n.</summary>
    internal static DominatorTree Build(int[][] successors, long[] sizes)
    {
        var nodes = successors.Length;
        var order = ReversePostorder(successors, out var rpoNumber);
        var predecessors = new List<int>[nodes];
        for (var v = 0; v < nodes; v++)
        {
            predecessors[v] = [];
        }

        foreach (var u in order)
        {
            foreach (var v in successors[u])
            {
                predecessors[v].Add(u);
            }
        }

        var idom = new int[nodes];
        Array.Fill(idom, -1);
        idom[0] = 0;
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var k = 1; k < order.Count; k++)
            {
                var b = order[k];
                var newIdom = -1;
                foreach (var p in predecessors[b])
                {
                    if (idom[p] == -1)
                    {
                        continue;
                    }

                    newIdom = newIdom == -1 ? p : Intersect(p, newIdom, idom, rpoNumber);
                }

                if (idom[b] != newIdom)
                {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }

        // Retained sizes: children before parents, i.e. reverse postorder backwards.
        var retained = new long[nodes];
        for (var k = order.Count - 1; k >= 1; k--)
        {
            var v = order[k];
            retained[v] += sizes[v - 1];
            retained[idom[v]] += retained[v];
        }

        var objectIdom = new int[nodes - 1];
        var objectRetained = new long[nodes - 1];
        for (var v = 1; v < nodes; v++)
        {
            objectIdom[v - 1] = idom[v] == -1 ? Unreachable : idom[v] == 0 ? VirtualRoot : idom[v] - 1;
            objectRetained[v - 1] = retained[v];
        }

        return new DominatorTree(objectIdom, objectRetained, retained[0]);
    }

    private static int Intersect(int a, int b, int[] idom, int[] rpoNumber)
    {
        while (a != b)
        {
            while (rpoNumber[a] > rpoNumber[b])
            {
                a = idom[a];
            }

            while (rpoNumber[b] > rpoNumber[a])
            {
                b = idom[b];
            }
        }

        return a;
    }

    /// <summary>The nodes reachable from 0 in reverse postorder of an iterative depth-first search; unreached nodes get number -1.</summary>
    private static List<int> ReversePostorder(int[][] successors, out int[] rpoNumber)
    {
        var nodes = successors.Length;
        var visited = new bool[nodes];
        var postorder = new List<int>(nodes);
        var stack = new Stack<(int Node, int Next)>();
        visited[0] = true;
        stack.Push((0, 0));
        while (stack.Count > 0)
        {
            var (u, next) = stack.Pop();
            if (next < successors[u].Length)
            {
                stack.Push((u, next + 1));
                var v = successors[u][next];
                if (!visited[v])
                {
                    visited[v] = true;
                    stack.Push((v, 0));
                }
            }
            else
            {
                postorder.Add(u);
            }
        }

        postorder.Reverse();
        rpoNumber = new int[nodes];
        Array.Fill(rpoNumber, -1);
        for (var k = 0; k < postorder.Count; k++)
        {
            rpoNumber[postorder[k]] = k;
        }

        return postorder;
    }
}
