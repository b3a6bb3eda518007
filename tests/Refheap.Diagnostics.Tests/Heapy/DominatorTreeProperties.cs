using CsCheck;
using Refheap.Diagnostics.Heapy;

namespace Refheap.DiagnosticsTests.Heapy;

/// <summary>
/// The dominator tree against its definition — x dominates y iff removing x leaves y
/// unreachable from the roots — and retained sizes against the sum over what x dominates,
/// on thousands of small random graphs. The budget is fixed per run; run longer with
/// <c>REFHEAP_PROPERTY_ITER=50000 dotnet test --filter FullyQualifiedName~DominatorTreeProperties</c>,
/// and replay a failure with the seed CsCheck prints.
/// </summary>
public class DominatorTreeProperties
{
    private static readonly Gen<(long[] Sizes, int[] Roots, (int, int)[] Edges)> s_graphs =
        from n in Gen.Int[1, 12]
        from sizes in Gen.Long[1, 100].Array[n]
        from roots in Gen.Int[0, n - 1].Array[0, 3]
        from edges in Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1]).Array[0, 3 * n]
        select (sizes, roots, edges);

    private static long Iterations(long ciDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("REFHEAP_PROPERTY_ITER"), out var n) && n > 0 ? n : ciDefault;

    [Fact]
    public void Dominators_and_retained_sizes_match_the_brute_force_definition() =>
        s_graphs.Sample(g => AssertMatchesDefinition(HeapSnapshotFactory.Graph(g.Sizes, g.Roots.ToHashSet(), g.Edges)), iter: Iterations(3000), threads: 1);

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void The_dominators_of_a_real_heap_match_the_definition(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        TestHeaps.Subtask(rt, task, 2);
        var shared = rt.List(rt.Str("shared by a list and a dict, not an interned string"));
        var holder = rt.Dict();
        rt.SetItem(holder, rt.Int(1), shared);
        task.SetAttr("notes", shared);
        AssertMatchesDefinition(HeapSnapshot.Take(rt));
    });

    private static void AssertMatchesDefinition(HeapSnapshot snapshot)
    {
        var tree = snapshot.Dominators();
        var n = snapshot.Count;
        var reachable = Reach(snapshot, removed: -1);
        for (var x = 0; x < n; x++)
        {
            Assert.Equal(reachable.Contains(x), tree.IsReachable(x));
            if (!reachable.Contains(x))
            {
                continue;
            }

            var without = Reach(snapshot, removed: x);
            long retained = 0;
            for (var y = 0; y < n; y++)
            {
                var dominated = reachable.Contains(y) && (y == x || !without.Contains(y));
                Assert.True(dominated == tree.Dominates(x, y), $"dominates({x}, {y}) should be {dominated}");
                retained += dominated ? snapshot[y].Size : 0;
            }

            Assert.Equal(retained, tree.RetainedSize(x));
        }

        Assert.Equal(reachable.Sum(i => snapshot[i].Size), tree.ReachableSize);
    }

    private static HashSet<int> Reach(HeapSnapshot s, int removed)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(s.Objects.Where(o => o.IsRoot && o.Index != removed).Select(o => o.Index));
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (!seen.Add(u))
            {
                continue;
            }

            foreach (var e in s.ReferencesFrom(u))
            {
                if (e.Target != removed)
                {
                    stack.Push(e.Target);
                }
            }
        }

        return seen;
    }
}
