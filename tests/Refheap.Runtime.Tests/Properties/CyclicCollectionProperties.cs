using CsCheck;

namespace Refheap.RuntimeTests.Properties;

/// <summary>
/// Random graphs with cycles: after a full collection (no finalizers), exactly the objects
/// reachable from the C# roots are alive, and dropping every root frees everything.
/// </summary>
public class CyclicCollectionProperties
{
    private static readonly Gen<(int Nodes, (int From, int To, int Slot)[] Edges, int[] Roots, bool AutoGc)> s_graphs =
        Gen.Int[1, 40].SelectMany(n => Gen.Select(
            Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1], Gen.Int[0, 3]).Array[0, 3 * n],
            Gen.Int[0, n - 1].Array[0, 4],
            Gen.Bool,
            (edges, roots, auto) => (n, edges, roots, auto)));

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void After_a_full_collection_the_live_set_is_exactly_what_the_roots_reach(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var root = rt.OpenScope();
        var cls = rt.DefineClass("Node");
        var containers = new[] { "dict", "list", "attr" };
        s_graphs.Sample(graph => Run(rt, cls, graph, containers), iter: PropertyBudget.Iterations(300), threads: 1);
    }

    private static void Run(Runtime rt, Handle cls, (int Nodes, (int From, int To, int Slot)[] Edges, int[] Roots, bool AutoGc) graph, string[] containers)
    {
        if (graph.AutoGc)
        {
            rt.Gc.Enable();
        }
        else
        {
            rt.Gc.Disable();
        }

        rt.Gc.SetThreshold(graph.AutoGc ? 5 : 700);
        var held = new List<PersistentHandle>();
        using (rt.OpenScope())
        {
            var nodes = new Handle[graph.Nodes];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = rt.Call(cls);
                nodes[i].SetAttr("ident", rt.Int(i));
            }

            // Edges through the three ways a Task graph holds references: attributes,
            // a dict and a list (both with their own headers, as in CPython).
            foreach (var (from, to, slot) in graph.Edges)
            {
                switch (containers[slot % containers.Length])
                {
                    case "attr":
                        nodes[from].SetAttr($"a{slot}", nodes[to]);
                        break;
                    case "dict":
                        var d = rt.Dict();
                        d[rt.Int(slot)] = nodes[to];
                        nodes[from].SetAttr($"d{slot}", d);
                        break;
                    default:
                        nodes[from].SetAttr($"l{slot}", rt.List(nodes[to], nodes[from]));
                        break;
                }
            }

            foreach (var r in graph.Roots)
            {
                held.Add(rt.Persist(nodes[r]));
            }
        }

        rt.Gc.Collect();
        var expected = Reachable(graph);
        Assert.Equal(expected.Count, rt.LiveInstances(cls));
        using (rt.OpenScope())
        {
            var live = rt.Gc.GetObjects()
                .Where(o => o.TypeName == "__main__.Node")
                .Select(o => (int)rt.ToInt64(o.GetAttr("ident")))
                .ToHashSet();
            Assert.Equal(expected.Order(), live.Order());
        }

        foreach (var h in held)
        {
            h.Dispose();
        }

        rt.Gc.Collect();
        Assert.Equal(0, rt.LiveInstances(cls));
    }

    private static HashSet<int> Reachable((int Nodes, (int From, int To, int Slot)[] Edges, int[] Roots, bool AutoGc) graph)
    {
        // The last edge set for a (from, slot) wins, as attribute stores replace.
        var last = new Dictionary<(int, int), int>();
        foreach (var (from, to, slot) in graph.Edges)
        {
            last[(from, slot)] = to;
        }

        var seen = new HashSet<int>();
        var stack = new Stack<int>(graph.Roots);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!seen.Add(n))
            {
                continue;
            }

            foreach (var ((from, _), to) in last)
            {
                if (from == n)
                {
                    stack.Push(to);
                }
            }
        }

        return seen;
    }
}
