namespace Refheap.RuntimeTests.Gc;

/// <summary>gc.enable/disable/isenabled, gc.get_count, gc.get_threshold/set_threshold.</summary>
public class GcModuleCountsTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_collector_starts_enabled_and_disable_and_enable_switch_it(string profile)
    {
        // print(gc.isenabled()); gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
        //   → True False True (both)
        using var rt = TestRuntimes.Create(profile);
        Assert.True(rt.Gc.IsEnabled);
        rt.Gc.Disable();
        Assert.False(rt.Gc.IsEnabled);
        rt.Gc.Disable();
        Assert.False(rt.Gc.IsEnabled);
        rt.Gc.Enable();
        Assert.True(rt.Gc.IsEnabled);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Get_count_follows_allocations_frees_and_collections(string profile)
    {
        // class A(object): pass
        // gc.disable()
        // gc.collect(); a = A(); b = A(); c = A(); d = A(); e = A(); r1 = gc.get_count()
        // del a, b; r2 = gc.get_count()
        // gc.collect(); del c, d; r3 = gc.get_count()
        // print(r1, r2, r3)   → (5, 0, 0) (4, 0, 0) (0, 0, 0)   (2.7 and 3.12)
        // r2 is 5 + 1 (the tuple r1, a tracked object) - 2; the C# API allocates nothing to
        // read the count, so here it is (3, 0, 0). Frees never take the count below zero.
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        Assert.Equal((0, 0, 0), rt.Gc.GetCount());

        PersistentHandle[] objects;
        using (rt.OpenScope())
        {
            objects = Enumerable.Range(0, 5).Select(_ => rt.Persist(rt.Call(cls))).ToArray();
        }

        Assert.Equal((5, 0, 0), rt.Gc.GetCount());
        objects[0].Dispose();
        objects[1].Dispose();
        Assert.Equal((3, 0, 0), rt.Gc.GetCount());
        rt.Gc.Collect();
        objects[2].Dispose();
        objects[3].Dispose();
        Assert.Equal((0, 0, 0), rt.Gc.GetCount());
        objects[4].Dispose();
    }

    private static ((int, int, int) AfterCollect, (int, int, int) AfterLists, (int, int, int) AfterDicts) CountListsAndDictsAfterAFullCollection(Runtime rt)
    {
        using var scope = rt.OpenScope();
        using (rt.OpenScope())
        {
            for (var i = 0; i < 5; i++)
            {
                rt.List();
                rt.Dict();
            }
        }

        rt.Gc.Collect();
        var c0 = rt.Gc.GetCount();
        rt.List();
        rt.List();
        rt.List();
        var c1 = rt.Gc.GetCount();
        rt.Dict();
        rt.Dict();
        return (c0, c1, rt.Gc.GetCount());
    }

    [Fact]
    public void A_full_collection_empties_the_list_and_dict_free_lists_in_py312()
    {
        // junk = [[] for i in range(5)] + [{} for i in range(5)]; del junk
        // gc.collect(); c0 = gc.get_count()
        // a = []; b = []; c = []; c1 = gc.get_count()
        // d = {}; e = {}; c2 = gc.get_count()
        // print(c0, c1, c2)
        //   → python3.12: (0, 0, 0) (4, 0, 0) (7, 0, 0)   (3 lists + the c0 tuple; 2 dicts + the
        //     c1 tuple: every new list and dict is a new allocation after _PyGC_ClearAllFreeLists)
        using var rt = GcModuleTestKit.Quiet("py312");
        Assert.Equal(((0, 0, 0), (3, 0, 0), (5, 0, 0)), CountListsAndDictsAfterAFullCollection(rt));
    }

    [Fact]
    public void A_full_collection_keeps_the_list_and_dict_free_lists_in_py27()
    {
        // (program above) → python2.7: ((0, 0, 0), (1, 0, 0), (2, 0, 0))
        //   only the c0 and c1 tuples count: the lists and dicts came from their free lists.
        using var rt = GcModuleTestKit.Quiet("py27");
        Assert.Equal(((0, 0, 0), (0, 0, 0), (0, 0, 0)), CountListsAndDictsAfterAFullCollection(rt));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Collecting_a_generation_counts_one_for_the_next_and_zeroes_the_younger_ones(string profile)
    {
        // class A(object): pass
        // gc.disable()
        // gc.collect(); f = A(); g = A(); gc.collect(0); print(gc.get_count())   → (0, 1, 0)
        // gc.collect(); gc.collect(0); gc.collect(0); print(gc.get_count())      → (0, 2, 0)
        // gc.collect(1); print(gc.get_count())                                   → (0, 0, 1)
        // gc.collect(); f = A(); gc.collect(1); print(gc.get_count())            → (0, 0, 1)
        //   (2.7 and 3.12)
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        var f = rt.Call(cls);
        var g = rt.Call(cls);
        rt.Gc.Collect(0);
        Assert.Equal((0, 1, 0), rt.Gc.GetCount());
        rt.Gc.Collect();
        rt.Gc.Collect(0);
        rt.Gc.Collect(0);
        Assert.Equal((0, 2, 0), rt.Gc.GetCount());
        rt.Gc.Collect(1);
        Assert.Equal((0, 0, 1), rt.Gc.GetCount());
        rt.Gc.Collect();
        Assert.Equal((0, 0, 0), rt.Gc.GetCount());
        rt.Call(cls);
        rt.Gc.Collect(1);
        Assert.Equal((0, 0, 1), rt.Gc.GetCount());
        _ = (f, g);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Set_threshold_takes_one_two_or_three_values_and_keeps_the_others(string profile)
    {
        // print(gc.get_threshold())                                   → (700, 10, 10)
        // gc.set_threshold(500); print(gc.get_threshold())            → (500, 10, 10)
        // gc.set_threshold(500, 5); print(gc.get_threshold())         → (500, 5, 10)
        // gc.set_threshold(5, 2, 100); print(gc.get_threshold())      → (5, 2, 100)
        // gc.set_threshold(-3, 0, 7); print(gc.get_threshold())       → (-3, 0, 7)   (no check)
        //   (2.7 and 3.12)
        using var rt = TestRuntimes.Create(profile);
        Assert.Equal((700, 10, 10), rt.Gc.GetThreshold());
        rt.Gc.SetThreshold(500);
        Assert.Equal((500, 10, 10), rt.Gc.GetThreshold());
        rt.Gc.SetThreshold(500, 5);
        Assert.Equal((500, 5, 10), rt.Gc.GetThreshold());
        rt.Gc.SetThreshold(5, 2, 100);
        Assert.Equal((5, 2, 100), rt.Gc.GetThreshold());
        rt.Gc.SetThreshold(-3, 0, 7);
        Assert.Equal((-3, 0, 7), rt.Gc.GetThreshold());
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Small_thresholds_give_CPythons_sequence_of_counts(string profile)
    {
        // class A(object): pass
        // gc.set_threshold(5, 2, 100)
        // keep = []; gc.collect(); gc.enable()
        // gens = []
        // for i in range(60):
        //     keep.append(A())
        //     c = gc.get_count()       # a tuple: with the A(), two tracked objects a step
        //     gens.append(c)
        // print(gens)
        // python3.12 → [(2, 0, 0), (4, 0, 0), (0, 1, 0), ... (4, 3, 4), (0, 0, 5)] (below);
        // python2.7 prints the same sequence one step later (its loop starts with two objects
        // already counted: the range list and `gens`).
        // Each count above threshold 0 collects generation 0, except that every fourth time
        // generation 1's count (3) is above its threshold (2) and generation 1 is collected.
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        var keep = rt.List();
        rt.Gc.SetThreshold(5, 2, 100);
        rt.Gc.Collect();
        rt.Gc.Enable();
        var counts = new List<(int, int, int)>();
        for (var i = 0; i < 60; i++)
        {
            using var step = rt.OpenScope();
            rt.Append(keep, rt.Call(cls));
            rt.Append(keep, rt.Call(cls));
            counts.Add(rt.Gc.GetCount());
        }

        (int, int, int)[] cpython312 =
        [
            (2, 0, 0), (4, 0, 0), (0, 1, 0), (2, 1, 0), (4, 1, 0), (0, 2, 0), (2, 2, 0), (4, 2, 0), (0, 3, 0), (2, 3, 0),
            (4, 3, 0), (0, 0, 1), (2, 0, 1), (4, 0, 1), (0, 1, 1), (2, 1, 1), (4, 1, 1), (0, 2, 1), (2, 2, 1), (4, 2, 1),
            (0, 3, 1), (2, 3, 1), (4, 3, 1), (0, 0, 2), (2, 0, 2), (4, 0, 2), (0, 1, 2), (2, 1, 2), (4, 1, 2), (0, 2, 2),
            (2, 2, 2), (4, 2, 2), (0, 3, 2), (2, 3, 2), (4, 3, 2), (0, 0, 3), (2, 0, 3), (4, 0, 3), (0, 1, 3), (2, 1, 3),
            (4, 1, 3), (0, 2, 3), (2, 2, 3), (4, 2, 3), (0, 3, 3), (2, 3, 3), (4, 3, 3), (0, 0, 4), (2, 0, 4), (4, 0, 4),
            (0, 1, 4), (2, 1, 4), (4, 1, 4), (0, 2, 4), (2, 2, 4), (4, 2, 4), (0, 3, 4), (2, 3, 4), (4, 3, 4), (0, 0, 5),
        ];
        Assert.Equal(cpython312, counts);
        var automatic = rt.Gc.RecentPauses.Where(p => p.Automatic).Select(p => p.Generation).ToArray();
        Assert.Equal(20, automatic.Length);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 4 == 3 ? 1 : 0), automatic);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_threshold0_of_0_turns_automatic_collection_off_while_enabled(string profile)
    {
        // class A(object): pass
        // gc.set_threshold(0); gc.enable(); gc.collect()
        // keep = [A() for i in range(2000)]
        // print(gc.isenabled(), gc.get_threshold(), gc.get_count())
        //   → True (0, 10, 10) (2002, 0, 0)   (both: 2000 instances, the list and the
        //     get_threshold() tuple, made before get_count() reads; here only the list)
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.SetThreshold(0);
        rt.Gc.Enable();
        rt.Gc.Collect();
        var keep = rt.List();
        var pauses = rt.Gc.RecentPauses.Count;
        for (var i = 0; i < 2000; i++)
        {
            using var step = rt.OpenScope();
            rt.Append(keep, rt.Call(cls));
        }

        Assert.True(rt.Gc.IsEnabled);
        Assert.Equal((0, 10, 10), rt.Gc.GetThreshold());
        Assert.Equal((2001, 0, 0), rt.Gc.GetCount());
        Assert.Equal(pauses, rt.Gc.RecentPauses.Count);
    }
}
