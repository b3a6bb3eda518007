using static Refheap.RuntimeTests.Weak.WeakContainerKit;

namespace Refheap.RuntimeTests.Weak;

/// <summary>
/// weakref.WeakValueDictionary against CPython 2.7.18 and 3.12.1. Each test quotes the
/// program behind its expectations (<c>import weakref, gc; class A(object): pass</c> first).
/// </summary>
public class WeakValueDictionaryTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_entry_vanishes_when_its_value_dies_by_refcount(string profile)
    {
        // d = weakref.WeakValueDictionary(); a = A(); b = A(); d['a'] = a; d['b'] = b
        // print(len(d), 'a' in d, d.get('zz'), d.get('zz', 5), d['a'] is a)   # 2 True None 5 True
        // del b
        // print(len(d), 'b' in d, d.get('b'))                                  # 1 False None
        // d['b']                                 # KeyError: 'b' (2.7 KeyError('b',), 3.12 KeyError('b'))
        Run(profile, (rt, cls) =>
        {
            var d = rt.WeakValueDictionary();
            var a = rt.Call(cls);
            var b = Make(rt, cls);
            d[rt.Str("a")] = a;
            Scoped(rt, () => d[rt.Str("b")] = b.Get());
            Assert.Equal(2, rt.Length(d));
            Assert.True(Contains(rt, d, rt.Str("a")));
            Assert.Equal("None", rt.Repr(Invoke(rt, d, "get", rt.Str("zz"))));
            Assert.Equal(5, rt.ToInt64(Invoke(rt, d, "get", rt.Str("zz"), rt.Int(5))));
            Assert.True(d[rt.Str("a")].Is(a));

            b.Dispose();
            Assert.Equal(1, rt.Length(d));
            Assert.False(Contains(rt, d, rt.Str("b")));
            Assert.Equal("None", rt.Repr(Invoke(rt, d, "get", rt.Str("b"))));
            var e = Assert.Throws<PythonException>(() => rt.GetItem(d, rt.Str("b")));
            Assert.Equal("KeyError", e.TypeName);
            Assert.Equal("'b'", e.PythonMessage);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_entry_vanishes_when_a_cycle_holding_its_value_is_collected(string profile)
    {
        // gc.disable(); d = weakref.WeakValueDictionary()
        // c = A(); c.self = c; d['c'] = c; del c
        // print(len(d)); print(gc.collect() > 0, len(d), 'c' in d)    # 1 / True 0 False
        Run(profile, (rt, cls) =>
        {
            rt.Gc.Disable();
            var d = rt.WeakValueDictionary();
            Scoped(rt, () =>
            {
                var c = rt.Call(cls);
                c.SetAttr("self", c);
                d[rt.Str("c")] = c;
                return 0;
            });

            Assert.Equal(1, rt.Length(d));
            Assert.True(rt.Gc.Collect() > 0);
            Assert.Equal(0, rt.Length(d));
            Assert.False(Contains(rt, d, rt.Str("c")));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Pop_setdefault_and_deletion_behave_as_CPythons(string profile)
    {
        // d = weakref.WeakValueDictionary(); a = A(); d['a'] = a
        // print(d.pop('a') is a, len(d))                                    # True 0
        // d.pop('a')                                                        # KeyError: 'a'
        // print(d.pop('a', 'dflt'), d.setdefault('x', a) is a, d.setdefault('x', A()) is a)  # dflt True True
        // d.setdefault('y')        # TypeError: cannot create weak reference to 'NoneType' object
        // del d['nope']            # KeyError: 'nope'
        // d[1] = 1                 # TypeError: cannot create weak reference to 'int' object
        // del d['x']; print(len(d), bool(d))                                # 0 False
        Run(profile, (rt, cls) =>
        {
            var d = rt.WeakValueDictionary();
            var a = rt.Call(cls);
            d[rt.Str("a")] = a;
            Assert.True(Invoke(rt, d, "pop", rt.Str("a")).Is(a));
            Assert.Equal(0, rt.Length(d));
            var missing = Assert.Throws<PythonException>(() => Invoke(rt, d, "pop", rt.Str("a")));
            Assert.Equal(("KeyError", "'a'"), (missing.TypeName, missing.PythonMessage));
            Assert.Equal("dflt", rt.ToText(Invoke(rt, d, "pop", rt.Str("a"), rt.Str("dflt"))));
            Assert.True(Invoke(rt, d, "setdefault", rt.Str("x"), a).Is(a));
            Assert.True(Invoke(rt, d, "setdefault", rt.Str("x"), rt.Call(cls)).Is(a));

            var none = Assert.Throws<PythonException>(() => Invoke(rt, d, "setdefault", rt.Str("y")));
            Assert.Equal(("TypeError", "cannot create weak reference to 'NoneType' object"), (none.TypeName, none.PythonMessage));
            var nope = Assert.Throws<PythonException>(() => rt.DelItem(d, rt.Str("nope")));
            Assert.Equal(("KeyError", "'nope'"), (nope.TypeName, nope.PythonMessage));
            var notWeak = Assert.Throws<PythonException>(() => rt.SetItem(d, rt.Int(1), rt.Int(1)));
            Assert.Equal(("TypeError", "cannot create weak reference to 'int' object"), (notWeak.TypeName, notWeak.PythonMessage));

            rt.DelItem(d, rt.Str("x"));
            Assert.Equal(0, rt.Length(d));
        });
    }

    [Theory]
    [InlineData("py27", "get() takes at least 2 arguments (1 given)", "get() takes at most 3 arguments (4 given)")]
    [InlineData("py312", "WeakValueDictionary.get() missing 1 required positional argument: 'key'", "WeakValueDictionary.get() takes from 2 to 3 positional arguments but 4 were given")]
    public void A_bad_call_raises_the_TypeError_of_a_Python_method(string profile, string tooFew, string tooMany)
    {
        // d = weakref.WeakValueDictionary(); d.get(); d.get(1, 2, 3)
        Run(profile, (rt, cls) =>
        {
            var d = rt.WeakValueDictionary();
            Assert.Equal(tooFew, Assert.Throws<PythonException>(() => Invoke(rt, d, "get")).PythonMessage);
            Assert.Equal(tooMany, Assert.Throws<PythonException>(() => Invoke(rt, d, "get", rt.Int(1), rt.Int(2), rt.Int(3))).PythonMessage);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Valuerefs_lists_KeyedRefs_that_carry_their_key(string profile)
    {
        // d = weakref.WeakValueDictionary(); a = A(); d['x'] = a
        // r = d.valuerefs(); print(type(r).__name__, type(r[0]).__name__, r[0].key, r[0]() is a, isinstance(r[0], weakref.ref))
        //   # list KeyedRef x True True
        Run(profile, (rt, cls) =>
        {
            var d = rt.WeakValueDictionary();
            var a = rt.Call(cls);
            d[rt.Str("x")] = a;
            var r = Invoke(rt, d, "valuerefs");
            Assert.Equal("list", r.TypeName);
            var kr = rt.GetItem(r, rt.Int(0));
            Assert.Equal("weakref.KeyedRef", kr.TypeName);
            Assert.Equal("x", rt.ToText(kr.GetAttr("key")));
            Assert.True(rt.Call(kr).Is(a));
            Assert.Matches("^<weakref at 0x[0-9a-f]+; to 'A' at 0x[0-9a-f]+>$", rt.Repr(kr));
            Assert.True(rt.AreEqual(kr, rt.WeakRef(a)));
        });
    }

    [Theory]
    [InlineData("py27", "list")]
    [InlineData("py312", "generator")]
    public void Keys_values_and_items_give_the_live_entries(string profile, string kind)
    {
        // d = weakref.WeakValueDictionary(); a = A(); b = A(); d['a'] = a; d['b'] = b; del b
        // print(type(d.keys()).__name__, sorted(d.keys()), list(d.values())[0] is a, list(d.items())[0][1] is a)
        //   # 2.7: list ['a'] True True    3.12: generator ['a'] True True
        Run(profile, (rt, cls) =>
        {
            var d = rt.WeakValueDictionary();
            var a = rt.Call(cls);
            var b = Make(rt, cls);
            d[rt.Str("a")] = a;
            Scoped(rt, () => d[rt.Str("b")] = b.Get());
            b.Dispose();

            var keys = Invoke(rt, d, "keys");
            Assert.Equal(kind, keys.TypeName);
            Assert.Equal(["'a'"], Items(rt, keys).Select(rt.Repr));
            Assert.True(Assert.Single(Items(rt, Invoke(rt, d, "values"))).Is(a));
            var pair = Assert.Single(Items(rt, Invoke(rt, d, "items")));
            Assert.Equal("a", rt.ToText(rt.GetItem(pair, rt.Int(0))));
            Assert.True(rt.GetItem(pair, rt.Int(1)).Is(a));
        });
    }

    /// <summary>The items of a list (2.7) or a generator (3.12).</summary>
    internal static List<Handle> Items(Runtime rt, Handle listOrGenerator)
    {
        if (listOrGenerator.TypeName != "list")
        {
            return Drain(rt, listOrGenerator);
        }

        var n = rt.Length(listOrGenerator);
        var items = new List<Handle>();
        for (var i = 0; i < n; i++)
        {
            items.Add(rt.GetItem(listOrGenerator, rt.Int(i)));
        }

        return items;
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_container_dies_by_refcount_for_its_callbacks_hold_it_only_weakly(string profile)
    {
        // gc.disable(); a = A(); d = weakref.WeakValueDictionary(); w = weakref.ref(d); d['a'] = a; del d
        // print(w() is None, weakref.getweakrefcount(a))                    # True 0
        Run(profile, (rt, cls) =>
        {
            rt.Gc.Disable();
            var a = rt.Call(cls);
            var w = Scoped(rt, () =>
            {
                var d = rt.WeakValueDictionary();
                d[rt.Str("a")] = a;
                Assert.Equal(1, rt.GetWeakRefCount(d));
                Assert.Equal(1, rt.GetWeakRefCount(a));
                return rt.Persist(rt.WeakRef(d));
            });

            Assert.False(IsAlive(rt, w.Get()));
            Assert.Equal(0, rt.GetWeakRefCount(a));
            w.Dispose();
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_cycle_through_a_key_that_refers_to_the_container_is_collectable(string profile)
    {
        // gc.disable(); v = A(); d = weakref.WeakValueDictionary(); k = A(); k.d = d; d[k] = v
        // w = weakref.ref(d); del d, k
        // print(w() is None, gc.collect() > 0, w() is None, weakref.getweakrefcount(v))   # False True True 0
        Run(profile, (rt, cls) =>
        {
            rt.Gc.Disable();
            var v = rt.Call(cls);
            var w = Scoped(rt, () =>
            {
                var d = rt.WeakValueDictionary();
                var k = rt.Call(cls);
                k.SetAttr("d", d);
                d[k] = v;
                return rt.Persist(rt.WeakRef(d));
            });

            Assert.True(IsAlive(rt, w.Get()));
            Assert.True(rt.Gc.Collect() > 0);
            Assert.False(IsAlive(rt, w.Get()));
            Assert.Equal(0, rt.GetWeakRefCount(v));
            w.Dispose();
        });
    }

    [Theory]
    [InlineData("py27", "^<WeakValueDictionary at [0-9]+>$", "'NoneType' object is not callable", "WeakValueDictionary instance has no attribute 'nope'")]
    [InlineData("py312", "^<WeakValueDictionary at 0x[0-9a-f]+>$", "unhashable type: 'WeakValueDictionary'", "'WeakValueDictionary' object has no attribute 'nope'")]
    public void Repr_hash_and_missing_attributes_read_as_CPythons(string profile, string repr, string hashError, string attributeError)
    {
        // d = weakref.WeakValueDictionary()
        // print(repr(d) == '<WeakValueDictionary at %s>' % (id(d) if str is bytes else hex(id(d))))   # True
        // hash(d)      # 2.7: TypeError: 'NoneType' object is not callable (UserDict's __hash__ = None)
        //              # 3.12: TypeError: unhashable type: 'WeakValueDictionary'
        // d.nope       # 2.7: AttributeError: WeakValueDictionary instance has no attribute 'nope'
        Run(profile, (rt, cls) =>
        {
            var d = rt.WeakValueDictionary();
            Assert.Matches(repr, rt.Repr(d));
            Assert.Contains(profile == "py27" ? $"{d.Id}" : $"{d.Id:x}", rt.Repr(d));
            Assert.Equal("weakref.WeakValueDictionary", d.TypeName);
            Assert.Equal("WeakValueDictionary", rt.ToText(d.GetAttr("__class__").GetAttr("__name__")));
            var table = rt.Dict();
            Assert.Equal(hashError, Assert.Throws<PythonException>(() => table[d] = rt.Int(1)).PythonMessage);
            Assert.Equal(attributeError, Assert.Throws<PythonException>(() => d.GetAttr("nope")).PythonMessage);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_container_is_tracked_by_the_collector(string profile)
    {
        // print(gc.is_tracked(weakref.WeakValueDictionary()))                # True
        Run(profile, (rt, cls) => Assert.True(rt.Gc.IsTracked(rt.WeakValueDictionary())));
    }
}
