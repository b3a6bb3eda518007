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

    [Fact]
    public void A_cycle_of_two_del_objects_is_uncollectable_in_py27_and_both_land_in_gc_garbage()
    {
        // a = D(); a.name = "a"; b = D(); b.name = "b"; a.o = b; b.o = a; del a, b
        // print(gc.collect(), sorted(type(o).__name__ for o in gc.garbage), sorted(calls))
        //   → python2.7: (4, ['D', 'D'], [])
        // print(gc.collect(), len(gc.garbage))      → (0, 2)
        // gc.garbage[0].o = None; del gc.garbage[:]
        // print(gc.collect(), sorted(calls))         → (0, ['a', 'b'])  (freed by refcounting)
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var d = DefineD(rt);
        rt.Gc.Collect();
        MakeNamedCycle(rt, d, d);

        Assert.Equal(4, rt.Gc.Collect());
        Assert.Equal(4, rt.Gc.GetStats()[2].Uncollectable);
        Assert.Equal(0, rt.Gc.GetStats()[2].Collected);
        var garbage = rt.Gc.Garbage;
        Assert.Equal(["__main__.D", "__main__.D"], GcModuleTestKit.ItemTypes(rt, garbage));
        Assert.Empty(_calls);
        Assert.Equal(2, rt.LiveInstances(d));

        Assert.Equal(0, rt.Gc.Collect());
        Assert.Equal(2, rt.Length(garbage));

        using (rt.OpenScope())
        {
            garbage[rt.Int(0)].SetAttr("o", rt.None);
            GcModuleTestKit.Clear(rt, garbage);
        }

        Assert.Equal(["a", "b"], _calls.Order());
        Assert.Equal(0, rt.LiveInstances(d));
        Assert.Equal(0, rt.Gc.Collect());
    }

    [Fact]
    public void Only_the_del_object_of_a_mixed_cycle_goes_to_gc_garbage_in_py27_the_rest_stays_alive()
    {
        // a = D(); a.name = "a"; b = A(); b.name = "b"; a.o = b; b.o = a; del a, b
        // print(gc.collect(), [type(o).__name__ for o in gc.garbage], calls)
        //   → python2.7: (4, ['D'], [])
        // print(gc.collect(), len(gc.garbage))      → (0, 1)
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var d = DefineD(rt);
        var a = rt.DefineClass("A");
        rt.Gc.Collect();
        MakeNamedCycle(rt, d, a);

        Assert.Equal(4, rt.Gc.Collect());
        var garbage = rt.Gc.Garbage;
        Assert.Equal(["__main__.D"], GcModuleTestKit.ItemTypes(rt, garbage));
        Assert.Empty(_calls);
        Assert.Equal(1, rt.LiveInstances(d));
        Assert.Equal(1, rt.LiveInstances(a));
        Assert.Equal("b", rt.ToText(garbage[rt.Int(0)].GetAttr("o").GetAttr("name")));

        Assert.Equal(0, rt.Gc.Collect());
        Assert.Equal(1, rt.Length(garbage));
    }

    [Fact]
    public void A_cycle_of_two_del_objects_is_finalized_once_each_and_collected_in_py312()
    {
        // a = D(); a.name = "a"; b = D(); b.name = "b"; a.o = b; b.o = a; del a, b
        // print(gc.collect(), sorted(type(o).__name__ for o in gc.garbage), sorted(calls))
        //   → python3.12: 2 [] ['a', 'b']
        // print(gc.collect(), len(gc.garbage))      → 0 0
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var d = DefineD(rt);
        rt.Gc.Collect();
        MakeNamedCycle(rt, d, d);

        Assert.Equal(2, rt.Gc.Collect());
        Assert.Equal(["a", "b"], _calls.Order());
        Assert.Equal(0, rt.LiveInstances(d));
        Assert.Equal(0, rt.Length(rt.Gc.Garbage));
        Assert.Equal(0, rt.Gc.GetStats()[2].Uncollectable);

        Assert.Equal(0, rt.Gc.Collect());
        Assert.Equal(2, _calls.Count);
    }

    [Fact]
    public void A_mixed_cycle_is_collected_in_py312_after_the_one_finalizer_ran()
    {
        // a = D(); a.name = "a"; b = A(); b.name = "b"; a.o = b; b.o = a; del a, b
        // print(gc.collect(), [type(o).__name__ for o in gc.garbage], calls)
        //   → python3.12: 2 [] ['a']
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var d = DefineD(rt);
        var a = rt.DefineClass("A");
        rt.Gc.Collect();
        MakeNamedCycle(rt, d, a);

        Assert.Equal(2, rt.Gc.Collect());
        Assert.Equal(["a"], _calls);
        Assert.Equal(0, rt.Length(rt.Gc.Garbage));
        Assert.Equal(0, rt.LiveInstances(d) + rt.LiveInstances(a));
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

    [Fact]
    public void A_del_cycle_that_would_resurrect_itself_is_never_finalized_in_py27()
    {
        // r = R(); r.self = r; del r
        // print(gc.collect(), len(saved), calls, [type(o).__name__ for o in gc.garbage])
        //   → python2.7: (2, 0, [], ['R'])     (R and its dict; __del__ never runs)
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var saved = rt.List();
        var r = DefineR(rt, saved);
        rt.Gc.Collect();
        using (rt.OpenScope())
        {
            var o = rt.Call(r);
            o.SetAttr("self", o);
        }

        Assert.Equal(2, rt.Gc.Collect());
        Assert.Equal(0, rt.Length(saved));
        Assert.Empty(_calls);
        Assert.Equal(["__main__.R"], GcModuleTestKit.ItemTypes(rt, rt.Gc.Garbage));
        Assert.Equal(1, rt.LiveInstances(r));
    }

    [Fact]
    public void A_del_cycle_that_resurrects_itself_stays_alive_and_finalized_in_py312()
    {
        // r = R(); r.self = r; del r
        // print(gc.collect(), len(saved), calls, [type(o).__name__ for o in gc.garbage])
        //   → python3.12: 0 1 ['R'] []
        // print(gc.is_finalized(saved[0]))          → True
        // del saved[:]
        // print(gc.collect(), calls)                 → 1 ['R']   (not finalized twice)
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var saved = rt.List();
        var r = DefineR(rt, saved);
        rt.Gc.Collect();
        using (rt.OpenScope())
        {
            var o = rt.Call(r);
            o.SetAttr("self", o);
        }

        Assert.Equal(0, rt.Gc.Collect());
        Assert.Equal(1, rt.Length(saved));
        Assert.Equal(["R"], _calls);
        Assert.Equal(0, rt.Length(rt.Gc.Garbage));
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
