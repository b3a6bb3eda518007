namespace Refheap.RuntimeTests.Gc;

public class CollectorBehaviourTests
{
    private static void MakeTwoInstanceCycle(Runtime rt, Handle cls)
    {
        using var scope = rt.OpenScope();
        var a = rt.Call(cls);
        var b = rt.Call(cls);
        a.SetAttr("other", b);
        b.SetAttr("other", a);
    }

    [Theory]
    [InlineData("py27", 4)]
    [InlineData("py312", 2)]
    public void A_two_instance_cycle_counts_as_CPython_counts_it(string profile, long expected)
    {
        // python2.7 / python3.12:
        //   class A(object): pass
        //   a = A(); b = A(); a.b = b; b.a = a; del a, b; print(gc.collect())   → 4 / 2
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        MakeTwoInstanceCycle(rt, cls);
        Assert.Equal(2, rt.LiveInstances(cls));
        Assert.Equal(expected, rt.Gc.Collect());
        Assert.Equal(0, rt.LiveInstances(cls));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_cycle_that_survived_collect_0_is_freed_by_collect_1_not_by_another_collect_0(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        PersistentHandle keep;
        using (rt.OpenScope())
        {
            var a = rt.Call(cls);
            var b = rt.Call(cls);
            a.SetAttr("other", b);
            b.SetAttr("other", a);
            keep = rt.Persist(a);
        }

        rt.Gc.Collect(0);
        keep.Dispose();
        Assert.Equal(0, rt.Gc.Collect(0));
        Assert.Equal(2, rt.LiveInstances(cls));
        Assert.True(rt.Gc.Collect(1) > 0);
        Assert.Equal(0, rt.LiveInstances(cls));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Automatic_collections_happen_every_701_tracked_allocations_as_in_CPython(string profile)
    {
        // CPython 2.7.18 and 3.12.1 (tests/.. see docs): after gc.collect(), allocating
        // instances one by one, gen0's count drops to 0 at every 701st allocation
        // (count > threshold 700), and gen1's count goes up by one at each of those.
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        var keep = rt.List();
        rt.Gc.Collect();
        Assert.Equal((0, 0, 0), rt.Gc.GetCount());
        var drops = new List<int>();
        var previous = 0;
        for (var i = 1; i <= 3000; i++)
        {
            using (rt.OpenScope())
            {
                rt.Append(keep, rt.Call(cls));
            }

            var (g0, g1, _) = rt.Gc.GetCount();
            if (g0 < previous)
            {
                drops.Add(i);
                Assert.Equal(0, g0);
                Assert.Equal(drops.Count, g1);
            }

            previous = g0;
        }

        Assert.Equal([701, 1402, 2103, 2804], drops);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Disabling_the_collector_stops_automatic_collections(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        var keep = rt.List();
        rt.Gc.Disable();
        var before = rt.Gc.RecentPauses.Count;
        for (var i = 0; i < 2000; i++)
        {
            rt.Append(keep, rt.Call(cls));
        }

        Assert.Equal(before, rt.Gc.RecentPauses.Count);
        Assert.True(rt.Gc.GetCount().Gen0 >= 2000);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_million_object_chain_and_ring_are_freed_without_a_stack_overflow(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var root = rt.OpenScope();
        var node = rt.DefineClass("Node", new Dictionary<string, Handle> { ["__slots__"] = rt.Str("next") });
        var zero = rt.Int(0);
        foreach (var ring in new[] { false, true })
        {
            using (rt.OpenScope())
            {
                var holder = rt.List(rt.Call(node));
                var tail = holder[zero];
                using var gil = rt.Enter();
                for (var i = 1; i < 1_000_000; i++)
                {
                    using var step = rt.OpenScope();
                    var n = rt.Call(node);
                    n.SetAttr("next", holder[zero]);
                    holder[zero] = n;
                }

                if (ring)
                {
                    tail.SetAttr("next", holder[zero]);
                }

                Assert.Equal(1_000_000, rt.LiveInstances(node));
            }

            if (ring)
            {
                rt.Gc.Collect();
            }

            Assert.Equal(0, rt.LiveInstances(node));
        }
    }
}
