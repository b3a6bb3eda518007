namespace Refheap.RuntimeTests.Gc;

/// <summary>gc.get_objects, gc.get_referents, gc.get_referrers, gc.is_tracked.</summary>
public class GcModuleInspectionTests
{
    private static bool Contains(IReadOnlyList<Handle> objects, Handle o) => objects.Any(h => h.Is(o));

    private static (Handle Class, Handle Instance) MakeInstanceWithThreeAttributes(Runtime rt)
    {
        var cls = rt.DefineClass("A");
        var a = rt.Call(cls);
        a.SetAttr("x", rt.List(rt.Int(1)));
        a.SetAttr("y", rt.Str("s"));
        a.SetAttr("z", rt.Int(5));
        return (cls, a);
    }

    [Theory]
    [InlineData("py27", new[] { "dict", "type" })]
    [InlineData("py312", new[] { "int", "list", "str", "type" })]
    public void The_referents_of_an_instance_are_its_type_and_its_dict_in_py27_or_its_values_in_py312(string profile, string[] expected)
    {
        // class A(object): pass
        // a = A(); a.x = [1]; a.y = "s"; a.z = 5
        // print(sorted(type(o).__name__ for o in gc.get_referents(a)))
        //   → python2.7: ['dict', 'type']            python3.12: ['int', 'list', 'str', 'type']
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var (cls, a) = MakeInstanceWithThreeAttributes(rt);

        var referents = rt.Gc.GetReferents(a);
        Assert.Equal(expected, referents.Select(r => r.TypeName).Order(StringComparer.Ordinal));
        Assert.Contains(referents, r => r.Is(cls));
        if (profile == "py312")
        {
            Assert.Contains(referents, r => r.Is(a.GetAttr("x")));
        }
        else
        {
            Assert.Contains(referents, r => r.Is(a.GetAttr("__dict__")));
        }
    }

    [Theory]
    [InlineData("py27", new[] { "dict", "type" })]
    [InlineData("py312", new[] { "list", "str", "int", "type" })]
    public void The_referents_of_an_instance_come_in_subtype_traverse_order(string profile, string[] expected)
    {
        // class A(object): pass
        // a = A(); a.x = [1]; a.y = "s"; a.z = 5
        // print([type(o).__name__ for o in gc.get_referents(a)])
        //   → python2.7: ['dict', 'type']            python3.12: ['list', 'str', 'int', 'type']
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var (_, a) = MakeInstanceWithThreeAttributes(rt);
        Assert.Equal(expected, rt.Gc.GetReferents(a).Select(r => r.TypeName));
    }

    [Theory]
    [InlineData("py27", new[] { "list", "str", "int" }, new[] { "str", "list" })]
    [InlineData("py312", new[] { "list", "str", "int" }, new[] { "list" })]
    public void The_referents_of_a_list_and_a_dict_come_in_their_traverse_order(string profile, string[] ofList, string[] ofDict)
    {
        // print(gc.get_referents([1, "a", []]), gc.get_referents({"k": []}))
        //   → python2.7:  [[], 'a', 1] ['k', []]
        //   → python3.12: [[], 'a', 1] [[]]
        // (a list traverses from its last item; a 3.12 dict with only str keys visits only
        // its values.)
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var list = rt.List(rt.Int(1), rt.Str("a"), rt.List());
        var dict = rt.Dict();
        dict[rt.Str("k")] = rt.List();

        Assert.Equal(ofList, rt.Gc.GetReferents(list).Select(r => r.TypeName));
        Assert.Equal(ofDict, rt.Gc.GetReferents(dict).Select(r => r.TypeName));
        Assert.Equal(ofList.Concat(ofDict), rt.Gc.GetReferents(list, dict).Select(r => r.TypeName));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_referents_of_a_tuple_come_from_its_last_item(string profile)
    {
        // print(gc.get_referents((1, [2])))        → [[2], 1]   (both)
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var tuple = rt.Tuple(rt.Int(1), rt.List(rt.Int(2)));
        Assert.Equal(["list", "int"], rt.Gc.GetReferents(tuple).Select(r => r.TypeName));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Objects_that_are_not_collectable_have_no_referents(string profile)
    {
        // print(gc.get_referents(1, "s", 2.5))   → [] (both: only objects with a GC header are traversed)
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        Assert.Empty(rt.Gc.GetReferents(rt.Int(1), rt.Str("s"), rt.Float(2.5)));
    }

    [Theory]
    [InlineData("py27", "dict")]
    [InlineData("py312", "__main__.A")]
    public void The_referrer_of_an_attribute_value_is_the_instance_dict_in_py27_and_the_instance_in_py312(string profile, string expected)
    {
        // class A(object): pass
        // a = A(); a.x = []
        // print([type(o).__name__ for o in gc.get_referrers(a.x)])
        //   → python2.7: ['dict']     python3.12: ['A']
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        var a = rt.Call(cls);
        var x = rt.List();
        a.SetAttr("x", x);

        var referrers = rt.Gc.GetReferrers(x);
        Assert.Equal([expected], referrers.Select(r => r.TypeName));
        if (profile == "py312")
        {
            Assert.True(referrers[0].Is(a));
        }
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_container_that_holds_an_object_twice_is_one_referrer(string profile)
    {
        // x = []; twice = [x, x]
        // print(len([o for o in gc.get_referrers(x) if o is twice]))   → 1 (both)
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var x = rt.List();
        var twice = rt.List(x, x);
        var other = rt.Tuple(x);
        var referrers = rt.Gc.GetReferrers(x);
        Assert.Equal(2, referrers.Count);
        Assert.Single(referrers, r => r.Is(twice));
        Assert.Single(referrers, r => r.Is(other));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Is_tracked_answers_as_CPython_for_each_kind_of_object(string profile)
    {
        // class A(object): pass
        // print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked({}), gc.is_tracked({"a": 1}),
        //       gc.is_tracked({"a": []}), gc.is_tracked([]), gc.is_tracked(A()), gc.is_tracked(A))
        //   → False False False False True True True True   (both)
        // d3 = {}; d3["k"] = 1; print(gc.is_tracked(d3))    → False
        // d2 = {}; d2["x"] = []; print(gc.is_tracked(d2))   → True
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        Assert.False(rt.Gc.IsTracked(rt.Int(1)));
        Assert.False(rt.Gc.IsTracked(rt.Str("s")));
        Assert.False(rt.Gc.IsTracked(rt.Float(1.5)));
        Assert.False(rt.Gc.IsTracked(rt.None));
        Assert.False(rt.Gc.IsTracked(rt.Dict()));
        var atomic = rt.Dict();
        atomic[rt.Str("k")] = rt.Int(1);
        Assert.False(rt.Gc.IsTracked(atomic));
        var holding = rt.Dict();
        holding[rt.Str("x")] = rt.List();
        Assert.True(rt.Gc.IsTracked(holding));
        Assert.True(rt.Gc.IsTracked(rt.List()));
        Assert.True(rt.Gc.IsTracked(rt.Call(cls)));
        Assert.True(rt.Gc.IsTracked(cls));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_dict_that_held_a_container_is_untracked_only_by_a_full_collection(string profile)
    {
        // d = {}; d["x"] = []; del d["x"]
        // print(gc.is_tracked(d)); gc.collect(0); print(gc.is_tracked(d))
        // gc.collect(1); print(gc.is_tracked(d)); gc.collect(); print(gc.is_tracked(d))
        //   → True True True False   (both; CPython issue #14775)
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var d = rt.Dict();
        var x = rt.Str("x");
        d[x] = rt.List();
        rt.DelItem(d, x);
        Assert.True(rt.Gc.IsTracked(d));
        rt.Gc.Collect(0);
        Assert.True(rt.Gc.IsTracked(d));
        rt.Gc.Collect(1);
        Assert.True(rt.Gc.IsTracked(d));
        rt.Gc.Collect();
        Assert.False(rt.Gc.IsTracked(d));
    }

    [Theory]
    [InlineData("py27", 0)]
    [InlineData("py27", 2)]
    [InlineData("py312", 0)]
    [InlineData("py312", 2)]
    public void An_atomic_tuple_is_untracked_by_the_first_collection_that_sees_it(string profile, int generation)
    {
        // t = tuple([1, 2]); print(gc.is_tracked(t)); gc.collect(); print(gc.is_tracked(t))   → True False
        // t2 = tuple([1, []]); gc.collect(); print(gc.is_tracked(t2))                          → True
        //   (both; collect(0) untracks it too)
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var atomic = rt.Tuple(rt.Int(1), rt.Int(2));
        var holding = rt.Tuple(rt.Int(1), rt.List());
        Assert.True(rt.Gc.IsTracked(atomic));
        rt.Gc.Collect(generation);
        Assert.False(rt.Gc.IsTracked(atomic));
        Assert.True(rt.Gc.IsTracked(holding));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Get_objects_lists_the_tracked_objects_and_nothing_else(string profile)
    {
        // x = A(); y = []; z = {}; n = 12345
        // objs = gc.get_objects()
        // print(any(o is x for o in objs), any(o is y for o in objs), any(o is z for o in objs))
        //   → True True False   (both)
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        var x = rt.Call(cls);
        var y = rt.List();
        var z = rt.Dict();
        var n = rt.Int(12345);

        var all = rt.Gc.GetObjects();
        Assert.True(Contains(all, x));
        Assert.True(Contains(all, y));
        Assert.True(Contains(all, cls));
        Assert.False(Contains(all, z));
        Assert.False(Contains(all, n));
        var (g0, g1, g2) = rt.Gc.TrackedObjects();
        Assert.Equal(g0 + g1 + g2, all.Count);
    }

    [Fact]
    public void Get_objects_of_one_generation_follows_an_object_as_collections_promote_it_in_py312()
    {
        // class A(object): pass
        // gc.disable(); gc.collect()
        // x = A()
        // print(any(o is x for o in gc.get_objects(0)))                          → True
        // gc.collect(0)
        // print([any(o is x for o in gc.get_objects(g)) for g in range(3)])      → [False, True, False]
        // gc.collect(1)
        // print([any(o is x for o in gc.get_objects(g)) for g in range(3)])      → [False, False, True]
        // print(len(gc.get_objects(-1)) == len(gc.get_objects()))                → True
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        var x = rt.Call(cls);
        Assert.True(Contains(rt.Gc.GetObjects(0), x));
        Assert.Single(rt.Gc.GetObjects(0));
        rt.Gc.Collect(0);
        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(g => Contains(rt.Gc.GetObjects(g), x)));
        rt.Gc.Collect(1);
        Assert.Equal([false, false, true], Enumerable.Range(0, 3).Select(g => Contains(rt.Gc.GetObjects(g), x)));
        Assert.Equal(rt.Gc.GetObjects().Count, rt.Gc.GetObjects(-1).Count);
    }

    [Theory]
    [InlineData(3, "generation parameter must be less than the number of available generations (3)")]
    [InlineData(-2, "generation parameter cannot be negative")]
    public void Get_objects_refuses_a_generation_as_py312_does(int generation, string message)
    {
        // for g in (3, -2):
        //     try: gc.get_objects(g)
        //     except ValueError as e: print(e)
        //   → python3.12: generation parameter must be less than the number of available generations (3)
        //                 generation parameter cannot be negative
        using var rt = GcModuleTestKit.Quiet("py312");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => rt.Gc.GetObjects(generation));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Get_objects_takes_no_generation_in_py27()
    {
        // python2.7: gc.get_objects(0)   → TypeError: get_objects() takes no arguments (1 given)
        using var rt = GcModuleTestKit.Quiet("py27");
        var e = Assert.Throws<PythonException>(() => rt.Gc.GetObjects(0));
        Assert.Equal("TypeError", e.TypeName);
        Assert.Equal("get_objects() takes no arguments (1 given)", e.PythonMessage);
    }
}
