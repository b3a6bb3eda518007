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
    public void Dominators_and_retained_sizes_match_the_brute_force_definition()
    {
        s_graphs.Sample(g =>
        {
            var snapshot = HeapSnapshotFactory.Graph(g.Sizes, g.Roots.ToHashSet(), g.Edges);
            var tree = snapshot.Dominators();
            var n = g.Sizes.Length;
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
                    retained += dominated ? g.Sizes[y] : 0;
                }

                Assert.Equal(retained, tree.RetainedSize(x));
            }

            Assert.Equal(reachable.Sum(i => g.Sizes[i]), tree.ReachableSize);
        }, iter: Iterations(3000), threads: 1);
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
