namespace Refheap.RuntimeTests.Weak;

/// <summary>
/// The collector's weak-reference phase (handle_weakrefs) and the talk's weakref-callback
/// pattern. CPython program behind the expectations:
/// <code>
/// import gc, weakref
/// class A(object): pass
/// log = []; gc.disable()
/// a = A(); b = A(); a.b = b; b.a = a
/// r = weakref.ref(a, lambda w: log.append(('cb', w() is None)))
/// del a, b
/// print(gc.collect(), log, r() is None)   # 2.7: 4 [('cb', True)] True   3.12: 2 [('cb', True)] True
/// del log[:]; a = A(); a.self = a
/// a.r = weakref.ref(a, lambda w: log.append('never'))
/// del a
/// print(gc.collect(), log)                # 2.7: (4, [])   3.12: 3 []
/// </code>
/// </summary>
public class CollectorWeakReferenceTests
{
    [Theory]
    [InlineData("py27", 4)]
    [InlineData("py312", 2)]
    public void A_reachable_weak_reference_to_collected_garbage_is_cleared_and_its_callback_runs_after(string profile, long expected)
    {
        using var rt = TestRuntimes.Create(profile);
        using var root = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Disable();
        rt.Gc.Collect();
        var log = new List<string>();
        PersistentHandle r;
        using (rt.OpenScope())
        {
            var a = rt.Call(cls);
            var b = rt.Call(cls);
            a.SetAttr("b", b);
            b.SetAttr("a", a);
            r = rt.Persist(rt.WeakRef(a, rt.Function("cb", args =>
            {
                // The referent is already gone from the reference when the callback runs.
                log.Add("cb:" + rt.Repr(rt.Call(args[0])));
                return rt.None;
            })));
        }

        Assert.Empty(log);
        Assert.Equal(expected, rt.Gc.Collect());
        Assert.Equal(["cb:None"], log);
        Assert.Equal("None", rt.Repr(rt.Call(r.Get())));
        r.Dispose();
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_weak_reference_that_is_garbage_itself_gets_no_callback(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var root = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Disable();
        var calls = 0;
        using (rt.OpenScope())
        {
            var a = rt.Call(cls);
            a.SetAttr("self", a);
            a.SetAttr("r", rt.WeakRef(a, rt.Function("never", _ =>
            {
                calls++;
                return rt.None;
            })));
        }

        Assert.True(rt.Gc.Collect() > 0);
        Assert.Equal(0, calls);
        Assert.Equal(0, rt.LiveInstances(cls));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_talks_weakref_callback_closes_a_resource_when_the_owning_cycle_is_collected(string profile)
    {
        // The talk: instead of __del__ (which makes a 2.7 cycle immortal), keep a class-level
        // table of weak references whose callback closes the resource; the cycle is collected
        // in both profiles and the resource is closed by the callback.
        using var rt = TestRuntimes.Create(profile);
        using var root = rt.OpenScope();
        var task = rt.DefineClass("Task");
        var refs = rt.Dict();
        task.SetAttr("_refs", refs);
        rt.Gc.Disable();
        var closed = new List<string>();
        using (rt.OpenScope())
        {
            var t = rt.Call(task);
            var sub = rt.Call(rt.DefineClass("Subtask"));
            t.SetAttr("_sub", sub);
            sub.SetAttr("_task", t);
            var resource = "file-1";
            var callback = rt.Function("close", args =>
            {
                closed.Add(resource);
                rt.DelItem(task.GetAttr("_refs"), rt.Str(resource));
                return rt.None;
            });
            refs[rt.Str(resource)] = rt.WeakRef(t, callback);
        }

        Assert.Empty(closed);
        Assert.True(rt.Gc.Collect() > 0);
        Assert.Equal(["file-1"], closed);
        Assert.Equal(0, rt.Length(refs));
        Assert.Equal(0, rt.Length(rt.Gc.Garbage));
    }
}
