namespace Refheap.RuntimeTests.Gc;

/// <summary>
/// gc.garbage and finalizers: 2.7 never collects a cycle holding <c>__del__</c>; 3.12
/// finalizes it once (PEP 442) and collects it. Every program below starts with
/// <c>import gc; calls = []; saved = []; gc.disable(); gc.collect()</c> and these classes:
/// <code>
/// class A(object): pass
/// class D(object):
///     def __del__(self): calls.append(self.name)
/// class R(object):
///     def __del__(self): calls.append("R"); saved.append(self)
/// </code>
/// </summary>
public class GcModuleGarbageTests
{
    private readonly List<string> _calls = [];

    private Handle DefineD(Runtime rt) => GcModuleTestKit.ClassWithDel(rt, "D", self => _calls.Add(rt.ToText(self.GetAttr("name"))));

    private Handle DefineR(Runtime rt, Handle saved) => GcModuleTestKit.ClassWithDel(rt, "R", self =>
    {
        _calls.Add("R");
        rt.Append(saved, self);
    });

    /// <summary><c>r = R(); r.self = r; del r</c>, after a collection that leaves R's class old; returns R.</summary>
    private Handle MakeResurrectingSelfCycle(Runtime rt, Handle saved)
    {
        var r = DefineR(rt, saved);
        rt.Gc.Collect();
        using (rt.OpenScope())
        {
            var o = rt.Call(r);
            o.SetAttr("self", o);
        }

        return r;
    }

    private static void MakeNamedCycle(Runtime rt, Handle classA, Handle classB)
    {
        using var scope = rt.OpenScope();
        var a = rt.Call(classA);
        a.SetAttr("name", rt.Str("a"));
        var b = rt.Call(classB);
        b.SetAttr("name", rt.Str("b"));
        a.SetAttr("o", b);
        b.SetAttr("o", a);
    }

    [Theory]
    [InlineData("py27", 4, 4, new[] { "__main__.D", "__main__.D" }, new string[0], 2)]
    [InlineData("py312", 2, 0, new string[0], new[] { "a", "b" }, 0)]
    public void A_cycle_of_two_del_objects_lands_in_gc_garbage_in_py27_and_is_finalized_once_each_and_collected_in_py312(
        string profile, long found, long uncollectable, string[] garbage, string[] finalized, int alive)
    {
        // a = D(); a.name = "a"; b = D(); b.name = "b"; a.o = b; b.o = a; del a, b
        // print(gc.collect(), sorted(type(o).__name__ for o in gc.garbage), sorted(calls))
        //   → python2.7: (4, ['D', 'D'], [])        python3.12: 2 [] ['a', 'b']
        // print(gc.collect(), len(gc.garbage))      → python2.7: (0, 2)      python3.12: 0 0
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var d = DefineD(rt);
        rt.Gc.Collect();
        MakeNamedCycle(rt, d, d);

        Assert.Equal(found, rt.Gc.Collect());
        Assert.Equal(uncollectable, rt.Gc.GetStats()[2].Uncollectable);
        Assert.Equal(garbage, GcModuleTestKit.ItemTypes(rt, rt.Gc.Garbage));
        Assert.Equal(finalized, _calls.Order());
        Assert.Equal(alive, rt.LiveInstances(d));

        Assert.Equal(0, rt.Gc.Collect());
        Assert.Equal(garbage.Length, rt.Length(rt.Gc.Garbage));
        Assert.Equal(finalized.Length, _calls.Count);
    }

    [Fact]
    public void A_del_cycle_taken_out_of_gc_garbage_and_broken_in_py27_is_freed_by_refcounting()
    {
        // (continuing the program above, after its first gc.collect(), which collected nothing)
        // gc.garbage[0].o = None; del gc.garbage[:]
        // print(gc.collect(), sorted(calls))         → python2.7: (0, ['a', 'b'])
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var d = DefineD(rt);
        rt.Gc.Collect();
        MakeNamedCycle(rt, d, d);
        rt.Gc.Collect();
        Assert.Equal(0, rt.Gc.GetStats()[2].Collected);

        var garbage = rt.Gc.Garbage;
        using (rt.OpenScope())
        {
            garbage[rt.Int(0)].SetAttr("o", rt.None);
            GcModuleTestKit.Clear(rt, garbage);
        }

        Assert.Equal(["a", "b"], _calls.Order());
        Assert.Equal(0, rt.LiveInstances(d));
        Assert.Equal(0, rt.Gc.Collect());
    }

    [Theory]
    [InlineData("py27", 4, new[] { "__main__.D" }, new string[0], 2)]
    [InlineData("py312", 2, new string[0], new[] { "a" }, 0)]
    public void Of_a_mixed_cycle_only_the_del_object_goes_to_gc_garbage_in_py27_while_py312_collects_it_after_the_one_finalizer(
        string profile, long found, string[] garbage, string[] finalized, int alive)
    {
        // a = D(); a.name = "a"; b = A(); b.name = "b"; a.o = b; b.o = a; del a, b
        // print(gc.collect(), [type(o).__name__ for o in gc.garbage], calls)
        //   → python2.7: (4, ['D'], [])             python3.12: 2 [] ['a']
        //   (in 2.7 the A it holds stays alive with it)
        // print(gc.collect(), len(gc.garbage))      → python2.7: (0, 1)      python3.12: 0 0
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var d = DefineD(rt);
        var a = rt.DefineClass("A");
        rt.Gc.Collect();
        MakeNamedCycle(rt, d, a);

        Assert.Equal(found, rt.Gc.Collect());
        Assert.Equal(garbage, GcModuleTestKit.ItemTypes(rt, rt.Gc.Garbage));
        Assert.Equal(finalized, _calls);
        Assert.Equal(alive, rt.LiveInstances(d) + rt.LiveInstances(a));

        Assert.Equal(0, rt.Gc.Collect());
        Assert.Equal(garbage.Length, rt.Length(rt.Gc.Garbage));
    }

    [Theory]
    [InlineData("py27", 4, new[] { "__main__.D", "__main__.D", "dict", "dict" }, new string[0])]
    [InlineData("py312", 2, new[] { "__main__.D", "__main__.D" }, new[] { "a", "b" })]
    public void Debug_saveall_puts_the_whole_del_cycle_in_gc_garbage(string profile, long found, string[] garbage, string[] finalized)
    {
        // gc.set_debug(gc.DEBUG_SAVEALL)
        // a = D(); a.name = "a"; b = D(); b.name = "b"; a.o = b; b.o = a; del a, b
        // print(gc.collect(), sorted(type(o).__name__ for o in gc.garbage), sorted(calls))
        //   → python2.7: (4, ['D', 'D', 'dict', 'dict'], [])
        //   → python3.12: 2 ['D', 'D'] ['a', 'b']     (finalized first, then saved)
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var d = DefineD(rt);
        rt.Gc.Collect();
        rt.Gc.Debug = Refheap.Gc.GcDebugFlags.SaveAll;
        MakeNamedCycle(rt, d, d);

        Assert.Equal(found, rt.Gc.Collect());
        Assert.Equal(garbage, GcModuleTestKit.ItemTypes(rt, rt.Gc.Garbage).Order(StringComparer.Ordinal));
        Assert.Equal(finalized, _calls.Order());
        Assert.Equal(2, rt.LiveInstances(d));
    }

    [Theory]
    [InlineData("py27", 2, 0, new string[0], new[] { "__main__.R" })]
    [InlineData("py312", 0, 1, new[] { "R" }, new string[0])]
    public void A_del_cycle_that_would_resurrect_itself_is_never_finalized_in_py27_and_finalized_and_kept_alive_in_py312(
        string profile, long found, int saved, string[] finalized, string[] garbage)
    {
        // r = R(); r.self = r; del r
        // print(gc.collect(), len(saved), calls, [type(o).__name__ for o in gc.garbage])
        //   → python2.7: (2, 0, [], ['R'])     (R and its dict; __del__ never runs)
        //   → python3.12: 0 1 ['R'] []
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var savedList = rt.List();
        var r = MakeResurrectingSelfCycle(rt, savedList);

        Assert.Equal(found, rt.Gc.Collect());
        Assert.Equal(saved, rt.Length(savedList));
        Assert.Equal(finalized, _calls);
        Assert.Equal(garbage, GcModuleTestKit.ItemTypes(rt, rt.Gc.Garbage));
        Assert.Equal(1, rt.LiveInstances(r));
    }

    [Fact]
    public void A_resurrected_del_cycle_is_not_finalized_again_when_collected_in_py312()
    {
        // (continuing the program above) print(gc.is_finalized(saved[0]))   → python3.12: True
        // del saved[:]
        // print(gc.collect(), calls)                 → 1 ['R']   (not finalized twice)
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var saved = rt.List();
        var r = MakeResurrectingSelfCycle(rt, saved);
        rt.Gc.Collect();
        using (rt.OpenScope())
        {
            Assert.True(rt.Gc.IsFinalized(saved[rt.Int(0)]));
            GcModuleTestKit.Clear(rt, saved);
        }

        Assert.Equal(1, rt.Gc.Collect());
        Assert.Equal(["R"], _calls);
        Assert.Equal(0, rt.LiveInstances(r));
    }

    [Fact]
    public void A_del_that_resurrects_an_object_freed_by_refcounting_runs_again_at_each_free_in_py27()
    {
        // r = R(); del r
        // print(calls, len(saved))                   → python2.7: (['R'], 1)
        // del saved[:]
        // print(calls, len(saved))                   → (['R', 'R'], 1)   (resurrected again)
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var saved = rt.List();
        var r = DefineR(rt, saved);
        using (rt.OpenScope())
        {
            rt.Call(r);
        }

        Assert.Equal(["R"], _calls);
        Assert.Equal(1, rt.Length(saved));
        Assert.Equal(1, rt.LiveInstances(r));
        GcModuleTestKit.Clear(rt, saved);
        Assert.Equal(["R", "R"], _calls);
        Assert.Equal(1, rt.Length(saved));
        Assert.Equal(1, rt.LiveInstances(r));
    }

    [Fact]
    public void A_del_that_resurrects_an_object_freed_by_refcounting_runs_only_once_in_py312()
    {
        // r = R(); del r
        // print(calls, len(saved), gc.is_finalized(saved[0]))   → python3.12: ['R'] 1 True
        // del saved[:]
        // print(calls)                                           → ['R']
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var saved = rt.List();
        var r = DefineR(rt, saved);
        using (rt.OpenScope())
        {
            var o = rt.Call(r);
            Assert.False(rt.Gc.IsFinalized(o));
        }

        Assert.Equal(["R"], _calls);
        using (rt.OpenScope())
        {
            Assert.True(rt.Gc.IsFinalized(saved[rt.Int(0)]));
        }

        GcModuleTestKit.Clear(rt, saved);
        Assert.Equal(["R"], _calls);
        Assert.Equal(0, rt.LiveInstances(r));
    }

    [Fact]
    public void Is_finalized_does_not_exist_in_py27()
    {
        // python2.7: gc.is_finalized(1)   → AttributeError: 'module' object has no attribute 'is_finalized'
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var e = Assert.Throws<PythonException>(() => rt.Gc.IsFinalized(rt.List()));
        Assert.Equal("AttributeError", e.TypeName);
        Assert.Equal("'module' object has no attribute 'is_finalized'", e.PythonMessage);
    }
}
