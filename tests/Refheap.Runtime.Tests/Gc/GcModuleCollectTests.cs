namespace Refheap.RuntimeTests.Gc;

/// <summary>gc.collect(generation): what it returns for each kind of cycle, per profile.</summary>
public class GcModuleCollectTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Collect_returns_0_when_there_is_nothing_to_collect(string profile)
    {
        // import gc; gc.disable(); gc.collect(); print(gc.collect())   → 2.7: 0, 3.12: 0
        using var rt = GcModuleTestKit.Quiet(profile);
        Assert.Equal(0, rt.Gc.Collect());
        Assert.Equal(0, rt.Gc.Collect(0));
        Assert.Equal(0, rt.Gc.Collect(1));
    }

    [Theory]
    [InlineData("py27", 0, 4)]
    [InlineData("py27", 1, 4)]
    [InlineData("py27", 2, 4)]
    [InlineData("py312", 0, 2)]
    [InlineData("py312", 1, 2)]
    [InlineData("py312", 2, 2)]
    public void A_two_instance_cycle_is_four_objects_in_py27_and_two_in_py312_whatever_the_generation(string profile, int generation, long expected)
    {
        // class A(object): pass
        // gc.disable(); gc.collect()
        // a = A(); b = A(); a.o = b; b.o = a; del a, b
        // print(gc.collect(G))           → 2.7: 4 (two instances, two instance dicts); 3.12: 2
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        GcModuleTestKit.MakeCycle(rt, cls);
        Assert.Equal(expected, rt.Gc.Collect(generation));
        Assert.Equal(0, rt.LiveInstances(cls));
        Assert.Equal(0, rt.Gc.Collect());
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_list_that_contains_itself_is_one_object(string profile)
    {
        // l = []; l.append(l); del l; print(gc.collect())   → 2.7: 1, 3.12: 1
        using var rt = GcModuleTestKit.Quiet(profile);
        using (rt.OpenScope())
        {
            var l = rt.List();
            rt.Append(l, l);
        }

        Assert.Equal(1, rt.Gc.Collect());
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_dict_that_contains_itself_is_one_object_and_two_dicts_are_two(string profile)
    {
        // d = {}; d['self'] = d; del d; print(gc.collect())                      → 1 (both)
        // d1 = {}; d2 = {}; d1['x'] = d2; d2['x'] = d1; del d1, d2; print(gc.collect())   → 2 (both)
        using var rt = GcModuleTestKit.Quiet(profile);
        using (rt.OpenScope())
        {
            var d = rt.Dict();
            d[rt.Str("self")] = d;
        }

        Assert.Equal(1, rt.Gc.Collect());
        using (rt.OpenScope())
        {
            var d1 = rt.Dict();
            var d2 = rt.Dict();
            d1[rt.Str("x")] = d2;
            d2[rt.Str("x")] = d1;
        }

        Assert.Equal(2, rt.Gc.Collect());
    }

    [Fact]
    public void A_cycle_through_a_slotless_class_and_its_instance_is_five_objects_in_py312()
    {
        // python3.12:
        //   gc.set_debug(gc.DEBUG_SAVEALL)
        //   C = type('C', (object,), {'__slots__': ()}); c = C(); C.inst = c; del C, c
        //   print(gc.collect())                       → 5
        //   for o in gc.garbage: print(type(o).__name__)
        //       → tuple (bases), type, tuple (mro), C, dict (the class dict)
        using var rt = GcModuleTestKit.Quiet("py312");
        rt.Gc.Debug = Refheap.Gc.GcDebugFlags.SaveAll;
        using (rt.OpenScope())
        {
            var c = rt.DefineClass("C", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple() });
            c.SetAttr("inst", rt.Call(c));
        }

        Assert.Equal(5, rt.Gc.Collect());
        using var scope = rt.OpenScope();
        Assert.Equal(["__main__.C", "dict", "tuple", "tuple", "type"], GcModuleTestKit.ItemTypes(rt, rt.Gc.Garbage).Order());
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_cycle_through_a_class_and_its_instance_is_seven_objects(string profile)
    {
        // python2.7 / python3.12:
        //   gc.set_debug(gc.DEBUG_SAVEALL)
        //   C = type('C', (object,), {}); c = C(); C.inst = c; del C, c
        //   print(gc.collect())                       → 7 (both)
        //   garbage: tuple (bases), type, tuple (mro), dict (class dict), C,
        //            getset_descriptor <attribute '__dict__' of 'C' objects>,
        //            getset_descriptor <attribute '__weakref__' of 'C' objects>
        using var rt = GcModuleTestKit.Quiet(profile);
        using (rt.OpenScope())
        {
            var c = rt.DefineClass("C");
            c.SetAttr("inst", rt.Call(c));
        }

        Assert.Equal(7, rt.Gc.Collect());
    }

    [Fact]
    public void A_cycle_through_a_slotless_class_and_its_instance_is_invisible_to_py27()
    {
        // python2.7:
        //   C = type('C', (object,), {'__slots__': ()}); c = C(); C.inst = c; del C, c
        //   print(gc.collect())                       → 0 (the cycle leaks)
        using var rt = GcModuleTestKit.Quiet("py27");
        using (rt.OpenScope())
        {
            var c = rt.DefineClass("C", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple() });
            c.SetAttr("inst", rt.Call(c));
        }

        Assert.Equal(0, rt.Gc.Collect());
    }

    [Theory]
    [InlineData("py27", 3)]
    [InlineData("py27", -1)]
    [InlineData("py312", 3)]
    [InlineData("py312", -1)]
    public void An_invalid_generation_is_refused_as_CPython_refuses_it(string profile, int generation)
    {
        // try: gc.collect(3)        except ValueError as e: print(e)   → invalid generation (both)
        // try: gc.collect(-1)       except ValueError as e: print(e)   → invalid generation (both)
        using var rt = GcModuleTestKit.Quiet(profile);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => rt.Gc.Collect(generation));
        Assert.StartsWith("invalid generation", e.Message);
        Assert.DoesNotContain(rt.Gc.RecentPauses, p => p.Generation == generation);
    }
}
