using CsCheck;

namespace Refheap.RuntimeTests.Properties;

/// <summary>
/// Random graphs of plain nodes and nodes with <c>__del__</c>, watched by weak references
/// with callbacks, checked against a model of what CPython does per profile: refcounting
/// frees what no root and no cycle reaches; a full collection then frees the cyclic garbage
/// (3.12: finalizers run once first, PEP 442) or, in 2.7, keeps in gc.garbage what the
/// <c>__del__</c> objects of the garbage reach — less what clearing the rest frees by refcount. No callback and no finalizer ever
/// sees a freed object (callbacks find their reference dead; finalizers read their own
/// attribute), and the debug allocator, on for the suite, reports no use of freed memory.
/// </summary>
public class WeakAndFinalizerProperties
{
    private static readonly Gen<(int Nodes, (int From, int To, int Slot)[] Edges, int[] Roots, int[] Finalizable, int[] Watched)> s_graphs =
        Gen.Int[1, 30].SelectMany(n => Gen.Select(
            Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1], Gen.Int[0, 2]).Array[0, 2 * n],
            Gen.Int[0, n - 1].Array[0, 3],
            Gen.Int[0, n - 1].Array[0, n / 3 + 1],
            Gen.Int[0, n - 1].Array[0, n],
            (edges, roots, fin, watched) => (n, edges, roots, fin, watched)));

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Collections_with_weak_references_and_finalizers_match_the_model(string profile)
    {
        s_graphs.Sample(g => Run(profile, g), iter: PropertyBudget.Iterations(150), threads: 1);
    }

    private static void Run(string profile, (int Nodes, (int From, int To, int Slot)[] Edges, int[] Roots, int[] Finalizable, int[] Watched) g)
    {
        using var rt = TestRuntimes.Create(profile);
        using var root = rt.OpenScope();
        var finalized = new List<int>();
        var callbacks = new List<(int Node, bool SawNone)>();
        var plain = rt.DefineClass("Node");
        var del = rt.Method("__del__", (self, _) =>
        {
            finalized.Add((int)rt.ToInt64(self.GetAttr("ident")));
            return rt.None;
        });
        var withDel = rt.DefineClass("FinalNode", new Dictionary<string, Handle> { ["__del__"] = del });
        rt.Gc.Disable();
        using (rt.OpenScope())
        {
            // gc.garbage is made on first use; make it before the starting census.
            _ = rt.Gc.Garbage;
        }

        rt.Gc.Collect();
        var start = rt.TakeCensus();
        var finalizable = g.Finalizable.ToHashSet();
        var last = new Dictionary<(int, int), int>();
        foreach (var (from, to, slot) in g.Edges)
        {
            last[(from, slot)] = to;
        }

        var watchers = new List<(int Node, PersistentHandle Ref)>();
        var roots = new List<PersistentHandle>();
        using (rt.OpenScope())
        {
            var nodes = new Handle[g.Nodes];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = rt.Call(finalizable.Contains(i) ? withDel : plain);
                nodes[i].SetAttr("ident", rt.Int(i));
            }

            foreach (var ((from, slot), to) in last)
            {
                nodes[from].SetAttr($"a{slot}", nodes[to]);
            }

            foreach (var w in g.Watched.Distinct())
            {
                var node = w;
                var wr = rt.WeakRef(nodes[w], rt.Function("cb", args =>
                {
                    callbacks.Add((node, rt.Repr(rt.Call(args[0])) == "None"));
                    return rt.None;
                }));
                watchers.Add((w, rt.Persist(wr)));
            }

            foreach (var r in g.Roots)
            {
                roots.Add(rt.Persist(nodes[r]));
            }
        }

        var model = new Model(g.Nodes, last, g.Roots, finalizable, profile == "py27");
        Assert.Equal(model.FreedByRefcount.Where(finalizable.Contains).Order(), finalized.Order());
        finalized.Clear();
        rt.Gc.Collect();
        var alive = model.AliveAfterCollection;
        Assert.Equal(alive.Count, rt.LiveInstances(plain) + rt.LiveInstances(withDel));
        Assert.Equal(model.FinalizedByCollection, finalized.Order());
        Assert.All(callbacks, c => Assert.True(c.SawNone));
        Assert.Equal(watchers.Where(w => !alive.Contains(w.Node)).Select(w => w.Node).Order(), callbacks.Select(c => c.Node).Order());
        using (rt.OpenScope())
        {
            foreach (var (node, wr) in watchers)
            {
                Assert.Equal(alive.Contains(node), rt.Repr(rt.Call(wr.Get())) != "None");
            }
        }

        foreach (var h in watchers.Select(w => w.Ref).Concat(roots))
        {
            h.Dispose();
        }

        BreakUncollectableCycles(rt);
        Assert.True(rt.TakeCensus().SameObjectsAs(start), Describe(rt, start, g));
    }

    private static string Describe(Runtime rt, Census start, object g)
    {
        using var scope = rt.OpenScope();
        var left = rt.Gc.GetObjects().Where(o => o.TypeName.EndsWith("Node", StringComparison.Ordinal))
            .Select(o => $"{o.TypeName}#{rt.Repr(o.GetAttr("__dict__"))} refs={rt.RefCount(o)} referrers=[{string.Join(",", rt.Gc.GetReferrers(o).Select(r => r.TypeName))}]");
        return $"{string.Join(", ", rt.TakeCensus().Since(start))}; {string.Join("; ", left)}; graph {System.Text.Json.JsonSerializer.Serialize(g, new System.Text.Json.JsonSerializerOptions { IncludeFields = true })}";
    }

    /// <summary>
    /// 2.7 keeps __del__ cycles in gc.garbage for ever, and what they reach with them: cut
    /// their edges and empty it, as a program would.
    /// </summary>
    private static void BreakUncollectableCycles(Runtime rt)
    {
        // Until a collection finds nothing: objects that were only reachable from a freed
        // __del__ object stay uncollectable for one more collection, without being in garbage.
        while (true)
        {
            var found = rt.Gc.Collect();
            using var scope = rt.OpenScope();
            var garbage = rt.Gc.Garbage;
            if (found == 0 && rt.Length(garbage) == 0)
            {
                return;
            }

            var zero = rt.Int(0);
            while (rt.Length(garbage) > 0)
            {
                using var step = rt.OpenScope();
                var o = garbage[zero];
                foreach (var slot in new[] { "a0", "a1", "a2" })
                {
                    if (rt.HasAttr(o, slot))
                    {
                        o.DelAttr(slot);
                    }
                }

                rt.DelItem(garbage, zero);
            }
        }
    }

    /// <summary>What CPython frees when, for one graph.</summary>
    private sealed class Model
    {
        public Model(int n, Dictionary<(int, int), int> edges, int[] roots, HashSet<int> finalizable, bool legacy)
        {
            var succ = Enumerable.Range(0, n).ToDictionary(i => i, _ => new List<int>());
            foreach (var ((from, _), to) in edges)
            {
                succ[from].Add(to);
            }

            var fromRoots = Reach(succ, roots);

            // Refcounting frees exactly what neither a root nor a cycle reaches.
            var onCycles = Enumerable.Range(0, n).Where(i => Reach(succ, succ[i]).Contains(i));
            var survivesRefcount = Reach(succ, roots.Concat(onCycles));
            FreedByRefcount = [.. Enumerable.Range(0, n).Where(i => !survivesRefcount.Contains(i))];
            CyclicGarbage = [.. survivesRefcount.Where(i => !fromRoots.Contains(i))];

            // 2.7: a __del__ object in the garbage, and all it reaches there, is uncollectable;
            // clearing the rest can still free some of those by refcounting (running their
            // __del__): what survives is what a cycle inside the uncollectable set reaches.
            HashSet<int> survivors = [];
            if (legacy)
            {
                var uncollectable = Reach(succ, CyclicGarbage.Where(finalizable.Contains)).Where(CyclicGarbage.Contains).ToHashSet();
                var inner = uncollectable.ToDictionary(i => i, i => succ[i].Where(uncollectable.Contains).ToList());
                survivors = Reach(inner, uncollectable.Where(i => Reach(inner, inner[i]).Contains(i)));
                FinalizedByCollection = [.. uncollectable.Where(i => !survivors.Contains(i) && finalizable.Contains(i)).Order()];
            }
            else
            {
                FinalizedByCollection = [.. CyclicGarbage.Where(finalizable.Contains).Order()];
            }

            AliveAfterCollection = [.. fromRoots.Union(survivors)];
        }

        public List<int> FreedByRefcount { get; }

        public List<int> CyclicGarbage { get; }

        public List<int> FinalizedByCollection { get; }

        public HashSet<int> AliveAfterCollection { get; }

        private static HashSet<int> Reach(Dictionary<int, List<int>> succ, IEnumerable<int> from)
        {
            var seen = new HashSet<int>();
            var stack = new Stack<int>(from);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (seen.Add(x))
                {
                    foreach (var y in succ[x])
                    {
                        stack.Push(y);
                    }
                }
            }

            return seen;
        }
    }
}
