using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Gc;

/// <summary>
/// The collector's shortcuts (the unreachable count taken during the scan, the weakref phase
/// skipped when the garbage has no weak reference) give what the full phases give. CPython
/// program behind the expectations:
/// <code>
/// import gc, weakref
/// class A(object): pass
/// def cb(w): print("called")
/// gc.disable(); gc.collect()
/// keep = A(); r = weakref.ref(keep)
/// a = A(); a.self = a
/// del a
/// print(gc.collect(), r() is keep)                                   # 2.7: 2 True   3.12: 1 True
/// a = A(); a.self = a; a.r = weakref.ref(keep, cb)
/// del a
/// print(gc.collect(), weakref.getweakrefcount(keep), r() is keep)   # 2.7: 3 1 True  3.12: 2 1 True
/// </code>
/// </summary>
public class CollectorFastPathTests
{
    [Theory]
    [InlineData("py27", 2, 3)]
    [InlineData("py312", 1, 2)]
    public void Garbage_with_and_without_weak_references_is_counted_and_a_live_referent_keeps_its_other_references(string profile, long plainCycle, long cycleWithWeakReference) => Leaks.Check(profile, rt =>
    {
        var cls = rt.DefineClass("A");
        rt.Gc.Disable();
        rt.Gc.Collect();
        var calls = 0;
        var callback = rt.Function("cb", _ =>
        {
            calls++;
            return rt.None;
        });
        var keep = rt.Call(cls);
        var r = rt.WeakRef(keep);
        using (rt.OpenScope())
        {
            var a = rt.Call(cls);
            a.SetAttr("self", a);
        }

        // No weak reference in the garbage: the weakref phase has nothing to do.
        Assert.Equal(plainCycle, rt.Gc.Collect());
        Assert.True(rt.Is(rt.Call(r), keep));

        using (rt.OpenScope())
        {
            var a = rt.Call(cls);
            a.SetAttr("self", a);
            a.SetAttr("r", rt.WeakRef(keep, callback));
        }

        // A weak reference in the garbage: freed with it, unlinked from its live referent.
        Assert.Equal(cycleWithWeakReference, rt.Gc.Collect());
        Assert.Equal(1, rt.GetWeakRefCount(keep));
        Assert.True(rt.Is(rt.Call(r), keep));
        Assert.Equal(0, calls);
        Assert.Equal(1, rt.LiveInstances(cls));
    });
}
