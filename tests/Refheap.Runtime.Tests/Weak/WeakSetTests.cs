using static Refheap.RuntimeTests.Weak.WeakContainerKit;

namespace Refheap.RuntimeTests.Weak;

/// <summary>
/// weakref.WeakSet (Lib/_weakrefset.py) against CPython 2.7.18 and 3.12.1. Each test quotes the
/// program behind its expectations (<c>import weakref, gc; class A(object): pass</c> first).
/// </summary>
public class WeakSetTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Add_discard_remove_and_contains_work_on_live_items(string profile)
    {
        // s = weakref.WeakSet(); c1 = A(); c2 = A(); s.add(c1); s.add(c2); s.add(c1)
        // print(len(s), c1 in s, 1 in s, A() in s)                          # 2 True False False
        // s.remove(A())       # KeyError: <weakref at 0x...; to 'A' at 0x...>
        // s.add(1)            # TypeError: cannot create weak reference to 'int' object (discard, remove too)
        // s.discard(A()); s.discard(c2); print(len(s))                      # 1
        Run(profile, (rt, cls) =>
        {
            var s = rt.WeakSet();
            var c1 = rt.Call(cls);
            var c2 = rt.Call(cls);
            Invoke(rt, s, "add", c1);
            Invoke(rt, s, "add", c2);
            Invoke(rt, s, "add", c1);
            Assert.Equal(2, rt.Length(s));
            Assert.True(Contains(rt, s, c1));
            Assert.False(Contains(rt, s, rt.Int(1)));
            Assert.False(Contains(rt, s, rt.Call(cls)));

            var missing = Assert.Throws<PythonException>(() => Invoke(rt, s, "remove", rt.Call(cls)));
            Assert.Equal("KeyError", missing.TypeName);
            Assert.StartsWith("<weakref at 0x", missing.PythonMessage);
            foreach (var method in new[] { "add", "discard", "remove" })
            {
                var e = Assert.Throws<PythonException>(() => Invoke(rt, s, method, rt.Int(1)));
                Assert.Equal(("TypeError", "cannot create weak reference to 'int' object"), (e.TypeName, e.PythonMessage));
            }

            Invoke(rt, s, "discard", rt.Call(cls));
            Invoke(rt, s, "discard", c2);
            Assert.Equal(1, rt.Length(s));
            Invoke(rt, s, "remove", c1);
            Assert.Equal(0, rt.Length(s));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_item_vanishes_when_it_dies_by_refcount_or_in_a_collection(string profile)
    {
        // gc.disable(); s = weakref.WeakSet(); a = A(); b = A(); c = A(); c.self = c
        // s.add(a); s.add(b); s.add(c); del b, c
        // print(len(s), gc.collect() > 0, len(s))                          # 2 True 1
        Run(profile, (rt, cls) =>
        {
            rt.Gc.Disable();
            var s = rt.WeakSet();
            var a = rt.Call(cls);
            Invoke(rt, s, "add", a);
            Scoped(rt, () =>
            {
                var c = rt.Call(cls);
                c.SetAttr("self", c);
                Invoke(rt, s, "add", rt.Call(cls));
                return Invoke(rt, s, "add", c);
            });

            Assert.Equal(2, rt.Length(s));
            Assert.True(rt.Gc.Collect() > 0);
            Assert.Equal(1, rt.Length(s));
            Assert.True(Assert.Single(Drain(rt, Invoke(rt, s, "__iter__"))).Is(a));
        });
    }

    [Theory]
    [InlineData("py27", "^<_weakrefset.WeakSet object at 0x[0-9a-f]+>$", "^<_weakrefset.WeakSet object at 0x[0-9a-f]+>$", "'WeakSet' object does not support indexing")]
    [InlineData("py312", "^set\\(\\)$", "^\\{<weakref at 0x[0-9a-f]+; to 'A' at 0x[0-9a-f]+>\\}$", "'WeakSet' object is not subscriptable")]
    public void Repr_hash_and_subscript_read_as_CPythons(string profile, string emptyRepr, string oneRepr, string subscriptError)
    {
        // s = weakref.WeakSet(); print(repr(s)); a = A(); s.add(a); print(repr(s))
        //   # 2.7: <_weakrefset.WeakSet object at 0x...> twice   3.12: set() / {<weakref at 0x...; to 'A' at 0x...>}
        // hash(s)   # TypeError: unhashable type: 'WeakSet'
        // s[0]      # 2.7: TypeError: 'WeakSet' object does not support indexing; 3.12: ... is not subscriptable
        Run(profile, (rt, cls) =>
        {
            var s = rt.WeakSet();
            Assert.Matches(emptyRepr, rt.Repr(s));
            var a = rt.Call(cls);
            Invoke(rt, s, "add", a);
            Assert.Matches(oneRepr, rt.Repr(s));
            var table = rt.Dict();
            Assert.Equal("unhashable type: 'WeakSet'", Assert.Throws<PythonException>(() => table[s] = rt.Int(1)).PythonMessage);
            Assert.Equal(subscriptError, Assert.Throws<PythonException>(() => rt.GetItem(s, rt.Int(0))).PythonMessage);
            Assert.Equal("_weakrefset.WeakSet", s.TypeName);
            Assert.True(rt.Gc.IsTracked(s));
        });
    }

    [Theory]
    [InlineData("py27", "add() takes exactly 2 arguments (3 given)")]
    [InlineData("py312", "WeakSet.add() takes 2 positional arguments but 3 were given")]
    public void A_bad_call_raises_the_TypeError_of_a_Python_method(string profile, string message)
    {
        // weakref.WeakSet().add(1, 2)
        Run(profile, (rt, cls) =>
        {
            var s = rt.WeakSet();
            Assert.Equal(message, Assert.Throws<PythonException>(() => Invoke(rt, s, "add", rt.Int(1), rt.Int(2))).PythonMessage);
        });
    }
}
