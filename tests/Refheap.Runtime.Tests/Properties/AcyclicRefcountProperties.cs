using CsCheck;

namespace Refheap.RuntimeTests.Properties;

/// <summary>
/// Random create/link/unlink/drop sequences without cycles, checked against a model: every
/// object dies exactly at the step where its last reference goes, and the allocator returns
/// to its starting block counts.
/// </summary>
public class AcyclicRefcountProperties
{
    // Op codes: 0 create, 1 link (newer -> older, so never a cycle), 2 unlink, 3 drop a C# reference.
    private static readonly Gen<(int Op, int A, int B, int Slot)[]> s_programs =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 2]).Array[1, 120];

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Objects_die_exactly_when_their_last_reference_goes(string profile)
    {
        s_programs.Sample(program => Run(profile, program), iter: PropertyBudget.Iterations(60), threads: 1);
    }

    private static void Run(string profile, (int Op, int A, int B, int Slot)[] program)
    {
        using var rt = TestRuntimes.Create(profile);
        rt.Gc.Disable();
        var died = new List<long>();
        using var root = rt.OpenScope();
        var del = rt.Method("__del__", (self, _) =>
        {
            died.Add(rt.ToInt64(self.GetAttr("ident")));
            return rt.None;
        });
        var cls = rt.DefineClass("Node", new Dictionary<string, Handle> { ["__del__"] = del });
        using (rt.OpenScope())
        {
            // Warm up: intern the attribute names, so the heap's start excludes them.
            var warm = rt.Call(cls);
            foreach (var name in new[] { "ident", "s0", "s1", "s2" })
            {
                warm.SetAttr(name, rt.None);
            }

            warm.DelAttr("ident");
        }

        // 2.7's full collection keeps the list and dict free lists (as CPython 2.7): empty
        // them all so that bytes compare like for like.
        rt.Gc.Collect();
        rt.Heap.FreeLists.ClearAll();
        var startBytes = rt.MemoryStats.BytesInUse;

        var model = new Model();
        var held = new Dictionary<int, PersistentHandle>();
        foreach (var (op, a, b, slot) in program)
        {
            died.Clear();
            var expectedDeaths = new List<int>();
            using (rt.OpenScope())
            {
                switch (op)
                {
                    case 0:
                        var id = model.Create();
                        var o = rt.Call(cls);
                        o.SetAttr("ident", rt.Int(id));
                        held[id] = rt.Persist(o);
                        break;
                    case 1 when model.Alive.Count >= 2:
                    {
                        var ids = model.Alive.Order().ToArray();
                        var from = ids[Math.Max(a % ids.Length, b % ids.Length)];
                        var to = ids[Math.Min(a % ids.Length, b % ids.Length)];
                        if (from == to)
                        {
                            break;
                        }

                        var fromHandle = Reach(rt, held, model, from);
                        var toHandle = Reach(rt, held, model, to);
                        if (fromHandle.IsEmpty || toHandle.IsEmpty)
                        {
                            break;
                        }

                        expectedDeaths.AddRange(model.Link(from, $"s{slot}", to));
                        fromHandle.SetAttr($"s{slot}", toHandle);
                        break;
                    }

                    case 2 when model.Alive.Count > 0:
                    {
                        var ids = model.Alive.Order().ToArray();
                        var from = ids[a % ids.Length];
                        var h = Reach(rt, held, model, from);
                        if (h.IsEmpty || !model.HasEdge(from, $"s{slot}"))
                        {
                            break;
                        }

                        expectedDeaths.AddRange(model.Unlink(from, $"s{slot}"));
                        h.DelAttr($"s{slot}");
                        break;
                    }

                    case 3 when held.Count > 0:
                    {
                        var dropped = held.Keys.Order().ElementAt(a % held.Count);
                        expectedDeaths.AddRange(model.DropRoot(dropped));
                        held.Remove(dropped, out var handle);
                        handle!.Dispose();
                        break;
                    }
                }
            }

            Assert.Equal(expectedDeaths.Order(), died.Select(d => (int)d).Order());
            Assert.Equal(model.Alive.Count, rt.LiveInstances(cls));
        }

        died.Clear();
        foreach (var h in held.Values)
        {
            h.Dispose();
        }

        Assert.Equal(0, rt.LiveInstances(cls));
        rt.Gc.Collect();
        rt.Heap.FreeLists.ClearAll();
        Assert.Equal(startBytes, rt.MemoryStats.BytesInUse);
    }

    /// <summary>A handle to a live object: through its root, or found by a walk from the roots.</summary>
    private static Handle Reach(Runtime rt, Dictionary<int, PersistentHandle> held, Model model, int id)
    {
        if (held.TryGetValue(id, out var p))
        {
            return p.Get();
        }

        foreach (var (rootId, root) in held)
        {
            var path = model.PathFrom(rootId, id);
            if (path != null)
            {
                var h = root.Get();
                foreach (var attr in path)
                {
                    h = h.GetAttr(attr);
                }

                return h;
            }
        }

        return default;
    }

    /// <summary>The reference model: roots, edges, and who is alive (reachable from a root).</summary>
    private sealed class Model
    {
        private readonly Dictionary<int, Dictionary<string, int>> _edges = [];
        private readonly HashSet<int> _roots = [];
        private int _next;

        public HashSet<int> Alive { get; } = [];

        public int Create()
        {
            var id = _next++;
            _edges[id] = [];
            _roots.Add(id);
            Alive.Add(id);
            return id;
        }

        public bool HasEdge(int from, string attr) => _edges[from].ContainsKey(attr);

        public List<int> Link(int from, string attr, int to)
        {
            _edges[from][attr] = to;
            return Recompute();
        }

        public List<int> Unlink(int from, string attr)
        {
            _edges[from].Remove(attr);
            return Recompute();
        }

        public List<int> DropRoot(int id)
        {
            _roots.Remove(id);
            return Recompute();
        }

        public List<string>? PathFrom(int root, int target)
        {
            var queue = new Queue<(int, List<string>)>();
            queue.Enqueue((root, []));
            while (queue.Count > 0)
            {
                var (n, path) = queue.Dequeue();
                if (n == target)
                {
                    return path;
                }

                foreach (var (attr, to) in _edges[n])
                {
                    queue.Enqueue((to, [.. path, attr]));
                }
            }

            return null;
        }

        private List<int> Recompute()
        {
            var reachable = new HashSet<int>();
            var stack = new Stack<int>(_roots);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                if (reachable.Add(n))
                {
                    foreach (var to in _edges[n].Values)
                    {
                        stack.Push(to);
                    }
                }
            }

            var dead = Alive.Where(a => !reachable.Contains(a)).ToList();
            foreach (var d in dead)
            {
                Alive.Remove(d);
                _edges.Remove(d);
            }

            return dead;
        }
    }
}
