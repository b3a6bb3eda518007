namespace Refheap.RuntimeTests.Weak;

/// <summary>
/// weakref.ref and weakref.proxy against CPython. The CPython program behind the
/// expectations (run with PYENV_VERSION=2.7.18 and 3.12.1):
/// <code>
/// import weakref
/// class A(object): pass
/// a = A(); r = weakref.ref(a); r2 = weakref.ref(a)
/// print(r is r2, weakref.getweakrefcount(a))                        # True 1
/// def cb(w): print("cb", w is r3)
/// r3 = weakref.ref(a, cb); p = weakref.proxy(a)
/// print(weakref.getweakrefcount(a), [type(x).__name__ for x in weakref.getweakrefs(a)])
///   # 3 ['weakref', 'weakproxy', 'weakref'] / 3 ['ReferenceType', 'ProxyType', 'ReferenceType']
/// order = []; b = A()
/// w1 = weakref.ref(b, lambda w: order.append(1)); w2 = weakref.ref(b, lambda w: order.append(2))
/// del b; print(order)                                               # [2, 1]
/// del a   # cb True
/// print(r() is None)                                                # True
/// p.x  # ReferenceError: weakly-referenced object no longer exists
/// </code>
/// </summary>
public class WeakReferenceTests
{
    private static (Runtime Rt, Handle Cls) Start(string profile)
    {
        var rt = TestRuntimes.Create(profile);
        rt.OpenScope();
        return (rt, rt.DefineClass("A"));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_callbackless_reference_is_shared_and_counted_once(string profile)
    {
        var (rt, cls) = Start(profile);
        using (rt)
        {
            var a = rt.Call(cls);
            var r = rt.WeakRef(a);
            var r2 = rt.WeakRef(a);
            Assert.True(r.Is(r2));
            Assert.Equal(1, rt.GetWeakRefCount(a));
            Assert.True(rt.Call(r).Is(a));
        }
    }

    [Theory]
    [InlineData("py27", "weakref", "weakproxy")]
    [InlineData("py312", "weakref.ReferenceType", "weakref.ProxyType")]
    public void Getweakrefs_lists_the_shared_ref_the_shared_proxy_then_the_ones_with_callbacks(string profile, string refType, string proxyType)
    {
        var (rt, cls) = Start(profile);
        using (rt)
        {
            var a = rt.Call(cls);
            var r = rt.WeakRef(a);
            var r3 = rt.WeakRef(a, rt.Function("cb", _ => rt.None));
            var p = rt.Proxy(a);
            var all = rt.GetWeakRefs(a);
            Assert.Equal(3, rt.GetWeakRefCount(a));
            Assert.Equal([refType, proxyType, refType], all.Select(h => h.TypeName));
            Assert.True(all[0].Is(r));
            Assert.True(all[1].Is(p));
            Assert.True(all[2].Is(r3));
        }
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Callbacks_run_most_recently_registered_first_with_the_dead_reference(string profile)
    {
        var (rt, cls) = Start(profile);
        using (rt)
        {
            var order = new List<string>();
            PersistentHandle w1, w2;
            using (rt.OpenScope())
            {
                var b = rt.Call(cls);
                w1 = rt.Persist(rt.WeakRef(b, rt.Function("one", args =>
                {
                    order.Add("1:" + rt.Repr(rt.Call(args[0])));
                    return rt.None;
                })));
                w2 = rt.Persist(rt.WeakRef(b, rt.Function("two", args =>
                {
                    order.Add("2:" + rt.Repr(rt.Call(args[0])));
                    return rt.None;
                })));
            }

            Assert.Equal(["2:None", "1:None"], order);
            Assert.Equal("None", rt.Repr(rt.Call(w1.Get())));
            Assert.Matches("^<weakref at 0x[0-9a-f]+; dead>$", rt.Repr(w2.Get()));
        }
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void No_callback_runs_when_the_weak_reference_died_first(string profile)
    {
        var (rt, cls) = Start(profile);
        using (rt)
        {
            var calls = 0;
            var a = rt.Call(cls);
            using (rt.OpenScope())
            {
                rt.WeakRef(a, rt.Function("cb", _ =>
                {
                    calls++;
                    return rt.None;
                }));
            }

            Assert.Equal(0, rt.GetWeakRefCount(a));
            using (rt.OpenScope())
            {
                rt.Persist(a).Dispose();
            }

            Assert.Equal(0, calls);
        }
    }

    [Theory]
    [InlineData("py27", "Exception ValueError: ValueError('boom',) in <built-in function bad> ignored")]
    [InlineData("py312", "Exception ignored in: <built-in function bad>")]
    public void An_exception_in_a_callback_is_reported_and_does_not_propagate(string profile, string firstLine)
    {
        // CPython: def bad(w): raise ValueError("boom"); c = A(); wb = weakref.ref(c, bad); del c
        //   2.7:  Exception ValueError: ValueError('boom',) in <function bad at 0x...> ignored
        //   3.12: Exception ignored in: <function bad at 0x...> / Traceback ... / ValueError: boom
        // (a C# callable reprs as a built-in function).
        var (rt, cls) = Start(profile);
        using (rt)
        {
            var report = new StringWriter();
            rt.Heap.UnraisableWriter = report;
            using (rt.OpenScope())
            {
                var c = rt.Call(cls);
                var wb = rt.Persist(rt.WeakRef(c, rt.Function("bad", _ => throw new PythonException("ValueError", "boom"))));
                _ = wb;
            }

            var lines = report.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(firstLine, lines[0]);
            if (profile == "py312")
            {
                Assert.Equal("ValueError: boom", lines[^1]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_proxy_forwards_to_its_referent_and_raises_ReferenceError_once_it_died(string profile)
    {
        var (rt, cls) = Start(profile);
        using (rt)
        {
            PersistentHandle p;
            using (rt.OpenScope())
            {
                var a = rt.Call(cls);
                a.SetAttr("x", rt.Int(7));
                p = rt.Persist(rt.Proxy(a));
                Assert.Equal(7, rt.ToInt64(p.Get().GetAttr("x")));
                p.Get().SetAttr("y", rt.Int(8));
                Assert.Equal(8, rt.ToInt64(a.GetAttr("y")));
            }

            var e = Assert.Throws<PythonException>(() => p.Get().GetAttr("x"));
            Assert.Equal("ReferenceError", e.TypeName);
            Assert.Equal("weakly-referenced object no longer exists", e.PythonMessage);
        }
    }

    [Theory]
    [InlineData("py27", false)]
    [InlineData("py312", true)]
    public void Which_objects_can_be_weakly_referenced_follows_CPython(string profile, bool builtinFunctions)
    {
        // CPython: weakref.ref(x) for 1, 'a', (1,), {}, [] → TypeError "cannot create weak
        // reference to 'int' object"; set(), frozenset(), A, A(), dict and list subclasses → fine;
        // builtin functions: 2.7 TypeError, 3.12 fine.
        var (rt, cls) = Start(profile);
        using (rt)
        {
            foreach (var (value, name) in new[] { (rt.Int(1), "int"), (rt.Str("a"), "str"), (rt.Tuple(rt.Int(1)), "tuple"), (rt.Dict(), "dict"), (rt.List(), "list") })
            {
                var e = Assert.Throws<PythonException>(() => rt.WeakRef(value));
                Assert.Equal("TypeError", e.TypeName);
                Assert.Equal($"cannot create weak reference to '{name}' object", e.PythonMessage);
            }

            var dictClass = rt.DefineClass("D", bases: [rt.GetAttr(rt.Dict(), "__class__")]);
            var listClass = rt.DefineClass("L", bases: [rt.GetAttr(rt.List(), "__class__")]);
            foreach (var value in new[] { rt.Set(), cls, rt.Call(cls), rt.Call(dictClass), rt.Call(listClass) })
            {
                Assert.False(rt.WeakRef(value).IsEmpty);
            }

            var f = rt.Function("f", _ => rt.None);
            if (builtinFunctions)
            {
                Assert.False(rt.WeakRef(f).IsEmpty);
            }
            else
            {
                Assert.Equal("TypeError", Assert.Throws<PythonException>(() => rt.WeakRef(f)).TypeName);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_dict_subclass_behaves_as_a_dict(string profile)
    {
        var (rt, _) = Start(profile);
        using (rt)
        {
            var dictClass = rt.DefineClass("D", bases: [rt.GetAttr(rt.Dict(), "__class__")]);
            var d = rt.Call(dictClass);
            d[rt.Str("k")] = rt.Int(1);
            Assert.Equal(1, rt.Length(d));
            Assert.Equal(1, rt.ToInt64(d[rt.Str("k")]));
            Assert.Equal("{'k': 1}", rt.Repr(d));
        }
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_heap_returns_to_its_census_after_weak_references_come_and_go(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var root = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        var start = rt.TakeCensus();
        using (rt.OpenScope())
        {
            var a = rt.Call(cls);
            rt.WeakRef(a);
            rt.WeakRef(a, rt.Function("cb", _ => rt.None));
            rt.Proxy(a);
        }

        rt.Gc.Collect();
        Assert.True(rt.TakeCensus().SameObjectsAs(start), rt.TakeCensus().ToString());
    }
}
