namespace Refheap.RuntimeTests.Gc;

/// <summary>gc.freeze / gc.unfreeze / gc.get_freeze_count (3.7+; absent from 2.7).</summary>
public class GcModuleFreezeTests
{
    [Fact]
    public void Freeze_moves_every_tracked_object_to_the_permanent_generation_and_zeroes_the_counts()
    {
        // class A(object): pass
        // gc.disable(); gc.collect(); gc.collect(0); gc.collect(0)
        // a = A(); b = A(); c = A()
        // before = gc.get_count(); base = gc.get_freeze_count()
        // gc.freeze()
        // print(before, gc.get_count(), gc.get_freeze_count() - base > 0, [len(gc.get_objects(i)) for i in range(3)])
        //   → python3.12: (3, 2, 0) (0, 0, 0) True [2, 0, 0]   (the two tuples made after freeze())
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        rt.Gc.Collect(0);
        rt.Gc.Collect(0);
        var a = rt.Call(cls);
        rt.Call(cls);
        rt.Call(cls);
        Assert.Equal((3, 2, 0), rt.Gc.GetCount());
        Assert.Equal(0, rt.Gc.GetFreezeCount());
        var (g0, g1, g2) = rt.Gc.TrackedObjects();

        rt.Gc.Freeze();

        Assert.Equal((0, 0, 0), rt.Gc.GetCount());
        Assert.Equal(g0 + g1 + g2, rt.Gc.GetFreezeCount());
        Assert.Equal((0L, 0L, 0L), rt.Gc.TrackedObjects());
        Assert.Empty(rt.Gc.GetObjects());
        Assert.True(rt.Gc.IsTracked(a));
    }

    [Fact]
    public void A_frozen_cycle_is_not_collected_until_unfreeze()
    {
        // a = A(); b = A(); a.o = b; b.o = a; del a, b
        // gc.freeze()
        // print("frozen cycle", gc.collect())                     → 0
        // gc.unfreeze()
        // print(gc.get_freeze_count(), [len(gc.get_objects(i)) > 0 for i in range(3)])
        //   → 0 [True, False, True]      (unfreeze moves them into the oldest generation)
        // print("after unfreeze", gc.collect())                   → 2
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        GcModuleTestKit.MakeCycle(rt, cls);
        rt.Gc.Freeze();
        Assert.Equal(0, rt.Gc.Collect());
        Assert.Equal(2, rt.LiveInstances(cls));

        var frozen = rt.Gc.GetFreezeCount();
        var (_, _, oldBefore) = rt.Gc.TrackedObjects();
        rt.Gc.Unfreeze();
        Assert.Equal(0, rt.Gc.GetFreezeCount());
        Assert.Equal(oldBefore + frozen, rt.Gc.TrackedObjects().Gen2);
        Assert.Equal(0, rt.Gc.Collect(1));
        Assert.Equal(2, rt.Gc.Collect());
        Assert.Equal(0, rt.LiveInstances(cls));
    }

    [Fact]
    public void Get_referrers_does_not_see_frozen_objects()
    {
        // x = []; holder = [x]; gc.freeze()
        // print(len(gc.get_referrers(x)))       → python3.12: 0 (get_referrers walks generations 0-2 only)
        // gc.unfreeze(); print(len(gc.get_referrers(x)))   → 2 (holder and the module's
        //                                                      globals; here only holder)
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var x = rt.List();
        var holder = rt.List(x);
        rt.Gc.Freeze();
        Assert.Empty(rt.Gc.GetReferrers(x));
        rt.Gc.Unfreeze();
        Assert.True(rt.Gc.GetReferrers(x).Single().Is(holder));
    }

    [Theory]
    [InlineData("freeze")]
    [InlineData("unfreeze")]
    [InlineData("get_freeze_count")]
    public void Freeze_and_its_friends_do_not_exist_in_py27(string name)
    {
        // python2.7: gc.freeze()   → AttributeError: 'module' object has no attribute 'freeze'
        using var rt = GcModuleTestKit.Quiet("py27");
        Action call = name switch
        {
            "freeze" => rt.Gc.Freeze,
            "unfreeze" => rt.Gc.Unfreeze,
            _ => () => rt.Gc.GetFreezeCount(),
        };
        var e = Assert.Throws<PythonException>(call);
        Assert.Equal("AttributeError", e.TypeName);
        Assert.Equal($"'module' object has no attribute '{name}'", e.PythonMessage);
    }
}
