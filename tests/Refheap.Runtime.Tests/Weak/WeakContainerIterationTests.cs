using static Refheap.RuntimeTests.Weak.WeakContainerKit;

namespace Refheap.RuntimeTests.Weak;

/// <summary>
/// Iterating the weak containers: CPython's generators enter an <c>_IterationGuard</c>, so
/// removals are deferred (<c>_pending_removals</c>) until the last generator finishes or is
/// dropped. Each test quotes the program behind its expectations (<c>import weakref, gc;
/// class A(object): pass</c> first), run on CPython 2.7.18 and 3.12.1.
/// </summary>
public class WeakContainerIterationTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_value_dying_while_iterating_waits_then_len_differs_per_version(string profile)
    {
        // objs = {'a': A(), 'b': A(), 'c': A()}; d = weakref.WeakValueDictionary()
        // for key in objs: d[key] = objs[key]
        // it = iter(d); first = next(it); victim = [x for x in sorted(objs) if x != first][0]
        // del objs[victim]; print(len(d))
        //   # 2.7: 3 (len(self.data): the dead entry waits)   3.12: 2 (__len__ commits the removal)
        // try: rest = list(it); print(len(rest), victim in rest, len(d))
        // except RuntimeError as e: print(e, len(d))
        //   # 2.7: 2 True 2 (iterkeys yields the dead key too; the removal is committed at the end)
        //   # 3.12: dictionary changed size during iteration 2
        Run(profile, (rt, cls) =>
        {
            var objs = new Dictionary<string, PersistentHandle> { ["a"] = Make(rt, cls), ["b"] = Make(rt, cls), ["c"] = Make(rt, cls) };
            var d = rt.WeakValueDictionary();
            foreach (var (key, o) in objs)
            {
                Scoped(rt, () => d[rt.Str(key)] = o.Get());
            }

            var it = Invoke(rt, d, "__iter__");
            var first = rt.ToText(Next(rt, it)!.Value);
            var victim = objs.Keys.Order().First(k => k != first);
            objs[victim].Dispose();
            if (profile == "py27")
            {
                Assert.Equal(3, rt.Length(d));
                var rest = Drain(rt, it).Select(rt.ToText).ToList();
                Assert.Equal(2, rest.Count);
                Assert.Contains(victim, rest);
            }
            else
            {
                Assert.Equal(2, rt.Length(d));
                var e = Assert.Throws<PythonException>(() => Drain(rt, it));
                Assert.Equal(("RuntimeError", "dictionary changed size during iteration"), (e.TypeName, e.PythonMessage));
                Assert.Null(Next(rt, it));
            }

            Assert.Equal(2, rt.Length(d));
            foreach (var o in objs.Values)
            {
                o.Dispose();
            }
        });
    }

    [Theory]
    [InlineData("py27", 3)]
    [InlineData("py312", 2)]
    public void Removals_wait_while_a_generator_is_suspended_and_happen_when_it_is_dropped(string profile, long lenWhileSuspended)
    {
        // keys = [A(), A(), A()]; k = weakref.WeakKeyDictionary()
        // for i in range(3): k[keys[i]] = i
        // it = iter(k); held = next(it); others = list(keys); others.remove(held)
        // del keys[:]; del others[0]; print(len(k))    # 2.7: 3 (len(self.data))   3.12: 2 (len(data) - len(pending))
        // del it; print(len(k))                          # 2: dropping the generator left the guard and committed
        // del held; print(len(k))                        # 1: no generator runs, so the removal is immediate
        Run(profile, (rt, cls) =>
        {
            var keys = new List<PersistentHandle> { Make(rt, cls), Make(rt, cls), Make(rt, cls) };
            var k = rt.WeakKeyDictionary();
            for (var i = 0; i < keys.Count; i++)
            {
                var key = keys[i];
                Scoped(rt, () => k[key.Get()] = rt.Int(i));
            }

            PersistentHandle held, survivor;
            using (rt.OpenScope())
            {
                var it = Invoke(rt, k, "__iter__");
                held = rt.Persist(Next(rt, it)!.Value);
                var others = Scoped(rt, () => keys.FindAll(o => !o.Get().Is(held.Get())));
                survivor = Scoped(rt, () => rt.Persist(others[1].Get()));
                keys.ForEach(o => o.Dispose());
                Assert.Equal(lenWhileSuspended, rt.Length(k));
            }

            Assert.Equal(2, rt.Length(k));
            held.Dispose();
            Assert.Equal(1, rt.Length(k));
            survivor.Dispose();
            Assert.Equal(0, rt.Length(k));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_suspended_generator_keeps_the_item_it_yielded_until_it_resumes(string profile)
    {
        // s = weakref.WeakSet(); items = [A(), A()]
        // for x in items: s.add(x)
        // it = iter(s); y = next(it); wy = weakref.ref(y); del items[:]; del x
        // print(len(s), wy() is not None)               # 1 True: the other item died; len subtracts the pending removal
        // del y; print(len(s), wy() is not None)        # 1 True: the generator's frame holds it
        // print(list(it) == [], len(s), wy() is None)   # True 0 True: removed once the guard is gone
        Run(profile, (rt, cls) =>
        {
            var items = new List<PersistentHandle> { Make(rt, cls), Make(rt, cls) };
            var s = rt.WeakSet();
            foreach (var x in items)
            {
                Scoped(rt, () => Invoke(rt, s, "add", x.Get()));
            }

            var it = Invoke(rt, s, "__iter__");
            var wy = Scoped(rt, () => rt.Persist(rt.WeakRef(Next(rt, it)!.Value)));
            items.ForEach(o => o.Dispose());
            Assert.Equal(1, rt.Length(s));
            Assert.True(IsAlive(rt, wy.Get()));
            Assert.Empty(Drain(rt, it));
            Assert.Equal(0, rt.Length(s));
            Assert.False(IsAlive(rt, wy.Get()));
            wy.Dispose();
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Adding_while_iterating_makes_the_generator_fail(string profile)
    {
        // s = weakref.WeakSet(); s.add(A); it = iter(s); next(it); s.add(int); next(it)
        //   # RuntimeError: Set changed size during iteration
        // k = weakref.WeakKeyDictionary(); k[A] = 1; it = iter(k); next(it); k[int] = 2; next(it)
        //   # RuntimeError: dictionary changed size during iteration
        Run(profile, (rt, cls) =>
        {
            var one = rt.Call(cls);
            var two = rt.Call(cls);
            var s = rt.WeakSet();
            Invoke(rt, s, "add", one);
            var it = Invoke(rt, s, "__iter__");
            Next(rt, it);
            Invoke(rt, s, "add", two);
            var e = Assert.Throws<PythonException>(() => Next(rt, it));
            Assert.Equal(("RuntimeError", "Set changed size during iteration"), (e.TypeName, e.PythonMessage));

            var k = rt.WeakKeyDictionary();
            k[one] = rt.Int(1);
            var kit = Invoke(rt, k, "__iter__");
            Next(rt, kit);
            k[two] = rt.Int(2);
            var ke = Assert.Throws<PythonException>(() => Next(rt, kit));
            Assert.Equal(("RuntimeError", "dictionary changed size during iteration"), (ke.TypeName, ke.PythonMessage));
        });
    }

    [Theory]
    [InlineData("py27", "^<generator object iterkeys at 0x[0-9a-f]+>$", "^<generator object itervaluerefs at 0x[0-9a-f]+>$")]
    [InlineData("py312", "^<generator object WeakValueDictionary.keys at 0x[0-9a-f]+>$", "^<generator object WeakValueDictionary.itervaluerefs at 0x[0-9a-f]+>$")]
    public void A_generator_keeps_its_container_alive_and_reprs_as_CPythons(string profile, string iterRepr, string refsRepr)
    {
        // gc.disable(); d = weakref.WeakValueDictionary(); a = A(); d['a'] = a
        // it = iter(d); w = weakref.ref(d); del d
        // print(w() is None, next(it)); del it; print(w() is None)       # False a / True
        // d = weakref.WeakValueDictionary(); print(repr(iter(d)), repr(d.itervaluerefs()))
        //   # 2.7: <generator object iterkeys at 0x...> <generator object itervaluerefs at 0x...>
        //   # 3.12: <generator object WeakValueDictionary.keys at 0x...> <generator object WeakValueDictionary.itervaluerefs at 0x...>
        Run(profile, (rt, cls) =>
        {
            rt.Gc.Disable();
            var a = rt.Call(cls);
            PersistentHandle it, w;
            using (rt.OpenScope())
            {
                var d = rt.WeakValueDictionary();
                d[rt.Str("a")] = a;
                it = rt.Persist(Invoke(rt, d, "__iter__"));
                w = rt.Persist(rt.WeakRef(d));
                Assert.Matches(iterRepr, rt.Repr(it.Get()));
                Assert.Matches(refsRepr, rt.Repr(Invoke(rt, d, "itervaluerefs")));
            }

            Assert.True(IsAlive(rt, w.Get()));
            Assert.Equal("a", Scoped(rt, () => rt.ToText(Next(rt, it.Get())!.Value)));
            it.Dispose();
            Assert.False(IsAlive(rt, w.Get()));
            w.Dispose();
        });
    }
}
