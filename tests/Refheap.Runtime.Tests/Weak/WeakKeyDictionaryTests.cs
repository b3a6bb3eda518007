using static Refheap.RuntimeTests.Weak.WeakContainerKit;

namespace Refheap.RuntimeTests.Weak;

/// <summary>
/// weakref.WeakKeyDictionary against CPython 2.7.18 and 3.12.1. Each test quotes the program
/// behind its expectations (<c>import weakref, gc; class A(object): pass</c> first).
/// </summary>
public class WeakKeyDictionaryTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_entry_vanishes_when_its_key_dies_by_refcount(string profile)
    {
        // k = weakref.WeakKeyDictionary(); a = A(); b = A(); k[a] = 1; k[b] = 2
        // print(len(k), a in k, 1 in k, [1] in k, k.get(a), k.get(A(), 'd'), k[a])   # 2 True False False 1 d 1
        // del b; print(len(k))                                                      # 1
        // k[A()]      # KeyError: <weakref at 0x...; to 'A' at 0x...>
        // k[1]        # TypeError: cannot create weak reference to 'int' object
        Run(profile, (rt, cls) =>
        {
            var k = rt.WeakKeyDictionary();
            var a = rt.Call(cls);
            var b = Make(rt, cls);
            k[a] = rt.Int(1);
            Scoped(rt, () => k[b.Get()] = rt.Int(2));
            Assert.Equal(2, rt.Length(k));
            Assert.True(Contains(rt, k, a));
            Assert.False(Contains(rt, k, rt.Int(1)));
            Assert.False(Contains(rt, k, rt.List(rt.Int(1))));
            Assert.Equal(1, rt.ToInt64(Invoke(rt, k, "get", a)));
            Assert.Equal("d", rt.ToText(Invoke(rt, k, "get", rt.Call(cls), rt.Str("d"))));
            Assert.Equal(1, rt.ToInt64(k[a]));

            b.Dispose();
            Assert.Equal(1, rt.Length(k));
            var missing = Assert.Throws<PythonException>(() => rt.GetItem(k, rt.Call(cls)));
            Assert.Equal("KeyError", missing.TypeName);
            Assert.Matches("^<weakref at 0x[0-9a-f]+; (to 'A' at 0x[0-9a-f]+|dead)>$", missing.PythonMessage);
            var notWeak = Assert.Throws<PythonException>(() => rt.GetItem(k, rt.Int(1)));
            Assert.Equal(("TypeError", "cannot create weak reference to 'int' object"), (notWeak.TypeName, notWeak.PythonMessage));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_entry_vanishes_when_a_cycle_holding_its_key_is_collected(string profile)
    {
        // gc.disable(); k = weakref.WeakKeyDictionary(); a = A(); k[a] = 1
        // c = A(); c.self = c; k[c] = 3; del c
        // print(len(k), gc.collect() > 0, len(k))                          # 2 True 1
        Run(profile, (rt, cls) =>
        {
            rt.Gc.Disable();
            var k = rt.WeakKeyDictionary();
            var a = rt.Call(cls);
            k[a] = rt.Int(1);
            Scoped(rt, () =>
            {
                var c = rt.Call(cls);
                c.SetAttr("self", c);
                k[c] = rt.Int(3);
                return 0;
            });

            Assert.Equal(2, rt.Length(k));
            Assert.True(rt.Gc.Collect() > 0);
            Assert.Equal(1, rt.Length(k));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Pop_setdefault_keyrefs_and_deletion_behave_as_CPythons(string profile)
    {
        // k = weakref.WeakKeyDictionary(); a = A(); k[a] = 1
        // print(k.pop(a), len(k), k.pop(a, 'dflt'), k.setdefault(a, 5), k.setdefault(a, 6), k[a])  # 1 0 dflt 5 5 5
        // k.pop(a, 1, 2)          # TypeError: pop expected at most 2 arguments, got 3
        // r = k.keyrefs(); print(type(r).__name__, r[0]() is a)             # list True
        // del k[a]; print(len(k)); del k[a]      # 0, then KeyError: <weakref at 0x...; to 'A' at 0x...>
        Run(profile, (rt, cls) =>
        {
            var k = rt.WeakKeyDictionary();
            var a = rt.Call(cls);
            k[a] = rt.Int(1);
            Assert.Equal(1, rt.ToInt64(Invoke(rt, k, "pop", a)));
            Assert.Equal(0, rt.Length(k));
            Assert.Equal("dflt", rt.ToText(Invoke(rt, k, "pop", a, rt.Str("dflt"))));
            Assert.Equal(5, rt.ToInt64(Invoke(rt, k, "setdefault", a, rt.Int(5))));
            Assert.Equal(5, rt.ToInt64(Invoke(rt, k, "setdefault", a, rt.Int(6))));
            Assert.Equal(5, rt.ToInt64(k[a]));
            var tooMany = Assert.Throws<PythonException>(() => Invoke(rt, k, "pop", a, rt.Int(1), rt.Int(2)));
            Assert.Equal(("TypeError", "pop expected at most 2 arguments, got 3"), (tooMany.TypeName, tooMany.PythonMessage));

            var refs = Invoke(rt, k, "keyrefs");
            Assert.Equal("list", refs.TypeName);
            Assert.True(rt.Call(rt.GetItem(refs, rt.Int(0))).Is(a));

            rt.DelItem(k, a);
            Assert.Equal(0, rt.Length(k));
            var gone = Assert.Throws<PythonException>(() => rt.DelItem(k, a));
            Assert.Equal("KeyError", gone.TypeName);
            Assert.StartsWith("<weakref at 0x", gone.PythonMessage);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_cycle_through_a_value_that_refers_to_the_container_is_collectable(string profile)
    {
        // gc.disable(); k = weakref.WeakKeyDictionary(); key = A(); v = A()
        // v.owner = k; k[key] = v; w = weakref.ref(k); del k, v
        // print(w() is None, gc.collect() > 0, w() is None, len(weakref.getweakrefs(key)))   # False True True 0
        Run(profile, (rt, cls) =>
        {
            rt.Gc.Disable();
            var key = rt.Call(cls);
            var w = Scoped(rt, () =>
            {
                var k = rt.WeakKeyDictionary();
                var v = rt.Call(cls);
                v.SetAttr("owner", k);
                k[key] = v;
                return rt.Persist(rt.WeakRef(k));
            });

            Assert.True(IsAlive(rt, w.Get()));
            Assert.True(rt.Gc.Collect() > 0);
            Assert.False(IsAlive(rt, w.Get()));
            Assert.Equal(0, rt.GetWeakRefCount(key));
            w.Dispose();
        });
    }

    [Theory]
    [InlineData("py27", true)]
    [InlineData("py312", false)]
    public void A_key_dying_after_its_entry_was_deleted_is_reported_by_2_7_only(string profile, bool reported)
    {
        // k = weakref.WeakKeyDictionary(); a = A(); k[a] = 1; r = k.keyrefs(); del k[a]; del a; print(len(k))
        //   # 2.7: 0, and on stderr: Exception KeyError: (<weakref at 0x...; dead>,) in <function remove at 0x...> ignored
        //   # 3.12: 0 (its callback ignores a key already gone)
        Run(profile, (rt, cls) =>
        {
            var report = new StringWriter();
            rt.Heap.UnraisableWriter = report;
            var k = rt.WeakKeyDictionary();
            var a = Make(rt, cls);
            Scoped(rt, () => k[a.Get()] = rt.Int(1));
            var refs = Invoke(rt, k, "keyrefs");
            Scoped(rt, () =>
            {
                rt.DelItem(k, a.Get());
                return 0;
            });
            a.Dispose();
            Assert.Equal(0, rt.Length(k));
            Assert.Equal(1, rt.Length(refs));
            if (reported)
            {
                Assert.StartsWith("Exception KeyError: ", report.ToString());
                Assert.Contains("; dead>", report.ToString());
            }
            else
            {
                Assert.Equal("", report.ToString());
            }
        });
    }

    [Theory]
    [InlineData("py27", "list", "^<WeakKeyDictionary at [0-9]+>$", "'NoneType' object is not callable")]
    [InlineData("py312", "generator", "^<WeakKeyDictionary at 0x[0-9a-f]+>$", "unhashable type: 'WeakKeyDictionary'")]
    public void Keys_values_items_repr_and_hash_read_as_CPythons(string profile, string kind, string repr, string hashError)
    {
        // k = weakref.WeakKeyDictionary(); a = A(); k[a] = 1
        // print(type(k.keys()).__name__, list(k.keys())[0] is a, list(k.values()), list(k.items())[0][1])
        //   # 2.7: list True [1] 1    3.12: generator True [1] 1
        // print(repr(k)); hash(k)   # <WeakKeyDictionary at 140...> / TypeError: 'NoneType' object is not callable (2.7)
        //                           # <WeakKeyDictionary at 0x7f...> / TypeError: unhashable type: 'WeakKeyDictionary' (3.12)
        Run(profile, (rt, cls) =>
        {
            var k = rt.WeakKeyDictionary();
            var a = rt.Call(cls);
            k[a] = rt.Int(1);
            var keys = Invoke(rt, k, "keys");
            Assert.Equal(kind, keys.TypeName);
            Assert.True(Assert.Single(WeakValueDictionaryTests.Items(rt, keys)).Is(a));
            Assert.Equal(["1"], WeakValueDictionaryTests.Items(rt, Invoke(rt, k, "values")).Select(rt.Repr));
            var pair = Assert.Single(WeakValueDictionaryTests.Items(rt, Invoke(rt, k, "items")));
            Assert.True(rt.GetItem(pair, rt.Int(0)).Is(a));
            Assert.Matches(repr, rt.Repr(k));
            var table = rt.Dict();
            Assert.Equal(hashError, Assert.Throws<PythonException>(() => table[k] = rt.Int(1)).PythonMessage);
            Assert.Equal("weakref.WeakKeyDictionary", k.TypeName);
        });
    }
}
