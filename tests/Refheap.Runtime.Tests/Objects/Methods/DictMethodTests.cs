using Refheap.RuntimeTests.Objects.Iteration;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Methods;

public sealed unsafe class DictMethodTests
{
    private static Handle Pairs(Runtime rt, params (long Key, long Value)[] pairs)
    {
        var d = rt.Dict();
        foreach (var (k, v) in pairs)
        {
            rt.SetItem(d, rt.Int(k), rt.Int(v));
        }

        return d;
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Get_setdefault_and_pop_read_and_change_the_dict(string profile)
    {
        // python: d = {1: 2}; d.get(1) → 2; d.get(3) → None; d.get(3, 5) → 5; d.setdefault(4) → None; d → {1: 2, 4: None}
        //         d.pop(1) → 2; d.pop(9, 'x') → 'x'; d.pop(9) → KeyError: 9
        Leaks.Check(profile, rt =>
        {
            var d = Pairs(rt, (1, 2));
            Assert.Equal("2", rt.Repr(rt.CallMethod(d, "get", rt.Int(1))));
            Assert.Equal("None", rt.Repr(rt.CallMethod(d, "get", rt.Int(3))));
            Assert.Equal("5", rt.Repr(rt.CallMethod(d, "get", rt.Int(3), rt.Int(5))));
            Assert.Equal("None", rt.Repr(rt.CallMethod(d, "setdefault", rt.Int(4))));
            Assert.Equal("7", rt.Repr(rt.CallMethod(d, "setdefault", rt.Int(5), rt.Int(7))));
            Assert.Equal("7", rt.Repr(rt.CallMethod(d, "setdefault", rt.Int(5), rt.Int(8))));
            Assert.Equal("2", rt.Repr(rt.CallMethod(d, "pop", rt.Int(1))));
            Assert.Equal("'x'", rt.Repr(rt.CallMethod(d, "pop", rt.Int(9), rt.Str("x"))));
            Assert.Equal("KeyError: 9", IterationKit.Error(() => rt.CallMethod(d, "pop", rt.Int(9))));
            Assert.Equal(2, rt.Length(d));
            Assert.Equal("TypeError: unhashable type: 'list'", IterationKit.Error(() => rt.CallMethod(d, "get", rt.List())));
        });
    }

    [Theory]
    [InlineData("py27", "[1, 3]", "[2, 4]", "[(1, 2), (3, 4)]", "(1, 2)")]
    [InlineData("py312", "dict_keys([1, 3])", "dict_values([2, 4])", "dict_items([(1, 2), (3, 4)])", "(3, 4)")]
    public void Keys_values_items_and_popitem_follow_the_profile(string profile, string keys, string values, string items, string popped)
    {
        // python2.7 / python3.12: d = {1: 2, 3: 4}; d.keys(), d.values(), d.items(); d.popitem()
        Leaks.Check(profile, rt =>
        {
            var d = Pairs(rt, (1, 2), (3, 4));
            Assert.Equal(keys, rt.Repr(rt.CallMethod(d, "keys")));
            Assert.Equal(values, rt.Repr(rt.CallMethod(d, "values")));
            Assert.Equal(items, rt.Repr(rt.CallMethod(d, "items")));
            Assert.Equal(popped, rt.Repr(rt.CallMethod(d, "popitem")));
            Assert.Equal(1, rt.Length(d));
            rt.CallMethod(d, "popitem");
            Assert.Equal("KeyError: 'popitem(): dictionary is empty'", IterationKit.Error(() => rt.CallMethod(d, "popitem")));
        });
    }

    [Fact]
    public void Python3_views_are_live_sized_and_searchable()
    {
        // python3.12: d = {1: 2}; k = d.keys(); d[3] = 4; len(k) → 2; 3 in k → True; (1, 2) in d.items() → True;
        //             4 in d.values() → True; type(iter(d.values())).__name__ → 'dict_valueiterator'; d.keys() == {1, 3} → True
        Leaks.Check("py312", rt =>
        {
            var d = Pairs(rt, (1, 2));
            var k = rt.CallMethod(d, "keys");
            rt.SetItem(d, rt.Int(3), rt.Int(4));
            Assert.Equal(2, rt.Length(k));
            Assert.True(rt.In(k, rt.Int(3)));
            Assert.True(rt.In(rt.CallMethod(d, "items"), rt.Tuple(rt.Int(1), rt.Int(2))));
            Assert.False(rt.In(rt.CallMethod(d, "items"), rt.Tuple(rt.Int(1), rt.Int(3))));
            Assert.True(rt.In(rt.CallMethod(d, "values"), rt.Int(4)));
            Assert.Equal("dict_valueiterator", rt.Iter(rt.CallMethod(d, "values")).TypeName());
            var s = rt.Set();
            rt.CallMethod(s, "add", rt.Int(1));
            rt.CallMethod(s, "add", rt.Int(3));
            Assert.True(rt.AreEqual(k, s));
            Assert.Equal(["1", "3"], rt.Drain(k));
        });
    }

    [Fact]
    public void Python27_has_has_key_and_the_iter_methods()
    {
        // python2.7: d = {1: 2}; d.has_key(1) → True; list(d.iteritems()) → [(1, 2)]; type(d.iterkeys()).__name__ → 'dictionary-keyiterator'
        Leaks.Check("py27", rt =>
        {
            var d = Pairs(rt, (1, 2));
            Assert.Equal("True", rt.Repr(rt.CallMethod(d, "has_key", rt.Int(1))));
            Assert.Equal(["(1, 2)"], rt.Drain(rt.CallMethod(d, "iteritems")));
            Assert.Equal(["2"], rt.Drain(rt.CallMethod(d, "itervalues")));
            Assert.Equal("dictionary-keyiterator", rt.CallMethod(d, "iterkeys").TypeName());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Update_takes_a_dict_pairs_or_keywords(string profile)
    {
        // python: d = {}; d.update({1: 2}); d.update([(3, 4)]); d.update(iter([(5, 6)])); d.update(a=7)
        //         d.update([1]) → TypeError: cannot convert dictionary update sequence element #0 to a sequence
        //         d.update([(1, 2, 3)]) → ValueError: dictionary update sequence element #0 has length 3; 2 is required
        Leaks.Check(profile, rt =>
        {
            var d = rt.Dict();
            rt.CallMethod(d, "update", Pairs(rt, (1, 2)));
            rt.CallMethod(d, "update", rt.List(rt.Tuple(rt.Int(3), rt.Int(4))));
            rt.CallMethod(d, "update", rt.Iter(rt.List(rt.List(rt.Int(5), rt.Int(6)))));
            rt.CallMethodKw(d, "update", [], ("a", rt.Int(7)));
            Assert.Equal(4, rt.Length(d));
            Assert.Equal("7", rt.Repr(rt.GetItem(d, rt.Str("a"))));
            Assert.Equal("TypeError: cannot convert dictionary update sequence element #0 to a sequence", IterationKit.Error(() => rt.CallMethod(d, "update", rt.Ints(1))));
            Assert.Equal("ValueError: dictionary update sequence element #0 has length 3; 2 is required", IterationKit.Error(() => rt.CallMethod(d, "update", rt.List(rt.Ints(1, 2, 3)))));
            Assert.Equal("TypeError: 'int' object is not iterable", IterationKit.Error(() => rt.CallMethod(d, "update", rt.Int(1))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Fromkeys_copy_and_clear(string profile)
    {
        // python: dict.fromkeys('ab', 0) → {'a': 0, 'b': 0}; d.copy() is a new dict; d.clear() empties d; {}.fromkeys([1]) → {1: None}
        Leaks.Check(profile, rt =>
        {
            var dictType = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Dict));
            var d = rt.CallMethod(dictType, "fromkeys", rt.Str("ab"), rt.Int(0));
            Assert.Equal(0, rt.ToInt64(rt.GetItem(d, rt.Str("b"))));
            Assert.Equal("{1: None}", rt.Repr(rt.CallMethod(rt.Dict(), "fromkeys", rt.Ints(1))));
            var copy = rt.CallMethod(d, "copy");
            rt.CallMethod(d, "clear");
            Assert.Equal(0, rt.Length(d));
            Assert.Equal(2, rt.Length(copy));
            Assert.StartsWith("<built-in method fromkeys of type object at 0x", rt.Repr(rt.GetAttr(rt.Dict(), "fromkeys")));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_dict_subclass_is_initialised_and_subscripted_through_dicts_methods(string profile)
    {
        // python: class D(dict): pass; D([(1, 2)], a=3) → {1: 2, 'a': 3}; dict.__setitem__(d, 5, 6); dict.__getitem__(d, 5) → 6
        Leaks.Check(profile, rt =>
        {
            var dictType = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Dict));
            var cls = rt.DefineClass("D", bases: [dictType]);
            var init = rt.Own(rt.Heap.Call(cls.Ref().Ptr, rt.Tuple(rt.List(rt.Tuple(rt.Int(1), rt.Int(2)))).Ref().Ptr, KeywordA(rt).Ref().Ptr));
            Assert.Equal(2, rt.Length(init));
            rt.Call(rt.GetAttr(dictType, "__setitem__"), init, rt.Int(5), rt.Int(6));
            Assert.Equal("6", rt.Repr(rt.Call(rt.GetAttr(dictType, "__getitem__"), init, rt.Int(5))));
            Assert.Equal("6", rt.Repr(rt.GetItem(init, rt.Int(5))));
            Assert.True(rt.In(init, rt.Str("a")));
        });
    }

    private static Handle KeywordA(Runtime rt)
    {
        var kw = rt.Dict();
        rt.SetItem(kw, rt.Str("a"), rt.Int(3));
        return kw;
    }

    [Theory]
    [InlineData("py27", "get expected at least 1 arguments, got 0", "get() takes no keyword arguments", "keys() takes no arguments (1 given)")]
    [InlineData("py312", "get expected at least 1 argument, got 0", "dict.get() takes no keyword arguments", "dict.keys() takes no arguments (1 given)")]
    public void Bad_calls_raise_CPythons_TypeErrors(string profile, string get, string keywords, string keys)
    {
        Leaks.Check(profile, rt =>
        {
            var d = rt.Dict();
            Assert.Equal("TypeError: " + get, IterationKit.Error(() => rt.CallMethod(d, "get")));
            Assert.Equal("TypeError: " + keywords, IterationKit.Error(() => rt.CallMethodKw(d, "get", [rt.Int(1)], ("zz", rt.Int(1)))));
            Assert.Equal("TypeError: " + keys, IterationKit.Error(() => rt.CallMethod(d, "keys", rt.Int(1))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_dict_subclass_with_missing_answers_for_absent_keys(string profile)
    {
        // python: class M(dict): def __missing__(self, k): return k * 2
        //         m = M(); m[21] → 42; 21 in m → False; m.get(21) → None
        Leaks.Check(profile, rt =>
        {
            var dictType = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Dict));
            var cls = rt.DefineClass("M", new Dictionary<string, Handle>
            {
                ["__missing__"] = rt.Method("__missing__", (self, a) => rt.Int(rt.ToInt64(a[0]) * 2)),
            }, [dictType]);
            var m = rt.Call(cls);
            Assert.Equal("42", rt.Repr(rt.GetItem(m, rt.Int(21))));
            Assert.False(rt.In(m, rt.Int(21)));
            Assert.Equal("None", rt.Repr(rt.CallMethod(m, "get", rt.Int(21))));
            Assert.Equal("KeyError: 1", IterationKit.Error(() => rt.GetItem(rt.Dict(), rt.Int(1))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_built_in_method_is_called_without_binding(string profile)
    {
        // The evaluator's LOAD_METHOD for 3.x: d.get(1, 5) runs dict.get on d without a bound method object.
        Leaks.Check(profile, rt =>
        {
            var api = new Refheap.Objects.ObjectApi(rt.Heap);
            var d = rt.Dict();
            var functions = rt.Heap.Types.NativeFunction.LiveCount;
            Assert.True(api.TryCallBuiltinMethod(d.Ref(), rt.Str("get").Ref(), rt.Tuple(rt.Int(1), rt.Int(5)).Ref(), default, out var r));
            Assert.Equal(functions, rt.Heap.Types.NativeFunction.LiveCount);
            Assert.Equal("5", rt.Repr(rt.Own(r)));
            Assert.False(api.TryCallBuiltinMethod(d.Ref(), rt.Str("nope").Ref(), rt.Tuple().Ref(), default, out _));
            Assert.False(api.TryCallBuiltinMethod(rt.Call(rt.DefineClass("K")).Ref(), rt.Str("get").Ref(), rt.Tuple().Ref(), default, out _));
        });
    }

    [Theory]
    [InlineData("py27", new long[] { 0, 1, 0, 2, 3 })]
    [InlineData("py312", new long[] { 9, 8, 50, 7, 6 })]
    public void Popitem_follows_CPythons_order(string profile, long[] expected)
    {
        // python2.7 / python3.12: d = dict((i, i) for i in range(10)); out = [d.popitem()[0], d.popitem()[0]]
        //                         d[0] = 0; d[50] = 1; out += [d.popitem()[0] for _ in range(3)]
        Leaks.Check(profile, rt =>
        {
            var d = rt.Dict();
            for (var i = 0; i < 10; i++)
            {
                rt.SetItem(d, rt.Int(i), rt.Int(i));
            }

            var popped = new List<long>();
            long Pop() => rt.ToInt64(rt.GetItem(rt.CallMethod(d, "popitem"), rt.Int(0)));
            popped.Add(Pop());
            popped.Add(Pop());
            rt.SetItem(d, rt.Int(0), rt.Int(0));
            rt.SetItem(d, rt.Int(50), rt.Int(1));
            for (var i = 0; i < 3; i++)
            {
                popped.Add(Pop());
            }

            Assert.Equal(expected, popped);
        });
    }
}
