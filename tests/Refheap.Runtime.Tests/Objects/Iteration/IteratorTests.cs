using Refheap.Objects.Native.Iterators;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Iteration;

public sealed unsafe class IteratorTests
{
    [Theory]
    // python2.7 / python3.12: type(iter(x)).__name__ for each x
    [InlineData("py27", "listiterator", "tupleiterator", "iterator", "iterator", "dictionary-keyiterator", "setiterator", "listreverseiterator")]
    [InlineData("py312", "list_iterator", "tuple_iterator", "str_ascii_iterator", "str_iterator", "dict_keyiterator", "set_iterator", "list_reverseiterator")]
    public void Iterators_have_the_type_names_of_the_profile(string profile, string list, string tuple, string ascii, string nonAscii, string dict, string set, string reversed)
    {
        Leaks.Check(profile, rt =>
        {
            Assert.Equal(list, rt.Iter(rt.List()).TypeName());
            Assert.Equal(tuple, rt.Iter(rt.Tuple()).TypeName());
            Assert.Equal(ascii, rt.Iter(rt.Str("ab")).TypeName());
            Assert.Equal(nonAscii, rt.Iter(rt.Str("\u00e9")).TypeName());
            Assert.Equal(dict, rt.Iter(rt.Dict()).TypeName());
            Assert.Equal(set, rt.Iter(rt.Set()).TypeName());
            Assert.True(rt.Heap.TryGetReversedIter(rt.List().Ref().Ptr, out var r));
            Assert.Equal(reversed, rt.Own(r).TypeName());
        });
    }

    [Theory]
    [InlineData("py27", "<listiterator object at 0x")]
    [InlineData("py312", "<list_iterator object at 0x")]
    public void An_iterator_reprs_as_CPythons(string profile, string prefix)
    {
        Leaks.Check(profile, rt => Assert.StartsWith(prefix, rt.Repr(rt.Iter(rt.List()))));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Iterating_gives_the_items_in_order_and_then_stays_exhausted(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            Assert.Equal(["1", "2", "3"], rt.Drain(rt.Ints(1, 2, 3)));
            Assert.Equal(["'a'", "None"], rt.Drain(rt.Tuple(rt.Str("a"), rt.None)));
            Assert.Equal(["'x'", "'y'"], rt.Drain(rt.Str("xy")));
            var d = rt.Dict();
            rt.SetItem(d, rt.Str("k"), rt.Int(1));
            rt.SetItem(d, rt.Str("j"), rt.Int(2));
            Assert.Equal(2, rt.Drain(d).Count);
            var it = rt.Iter(rt.Ints(7));
            Assert.Equal("7", rt.Repr(rt.Next(it)!.Value));
            Assert.Null(rt.Next(it));
            Assert.Null(rt.Next(it));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_list_iterator_sees_items_appended_while_it_runs(string profile)
    {
        // python: l = [1]; out = []
        //         for x in l: out.append(x); l.append(x + 1) if x < 3 else None   → out == [1, 2, 3]
        Leaks.Check(profile, rt =>
        {
            var l = rt.Ints(1);
            var it = rt.Iter(l);
            var seen = new List<long>();
            while (rt.Next(it) is { } x)
            {
                var v = rt.ToInt64(x);
                seen.Add(v);
                if (v < 3)
                {
                    rt.Append(l, rt.Int(v + 1));
                }
            }

            Assert.Equal([1L, 2, 3], seen);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_exhausted_iterator_lets_go_of_its_sequence(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var l = rt.Ints(1);
            var before = rt.RefCount(l);
            var it = rt.Iter(l);
            Assert.Equal(before + 1, rt.RefCount(l));
            _ = rt.Next(it);
            Assert.Null(rt.Next(it));
            Assert.Equal(before, rt.RefCount(l));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_dict_or_set_that_changes_size_while_iterated_raises_RuntimeError(string profile)
    {
        // python2.7 / python3.12:
        //   d = {1: 1}; for k in d: d[k + 1] = 1   → RuntimeError: dictionary changed size during iteration
        //   s = {1};    for k in s: s.add(k + 1)   → RuntimeError: Set changed size during iteration
        Leaks.Check(profile, rt =>
        {
            var d = rt.Dict();
            rt.SetItem(d, rt.Int(1), rt.Int(1));
            var it = rt.Iter(d);
            _ = rt.Next(it);
            rt.SetItem(d, rt.Int(2), rt.Int(1));
            Assert.Equal("RuntimeError: dictionary changed size during iteration", IterationKit.Error(() => rt.Next(it)));
            Assert.Equal("RuntimeError: dictionary changed size during iteration", IterationKit.Error(() => rt.Next(it)));

            var s = rt.Set();
            rt.Heap.Types.Set.Add(s.Ref().Ptr, rt.Int(1).Ref().Ptr);
            var sit = rt.Iter(s);
            _ = rt.Next(sit);
            rt.Heap.Types.Set.Add(s.Ref().Ptr, rt.Int(2).Ref().Ptr);
            Assert.Equal("RuntimeError: Set changed size during iteration", IterationKit.Error(() => rt.Next(sit)));
        });
    }

    [Theory]
    [InlineData("py27", "TypeError: int object is not an iterator")]
    [InlineData("py312", "TypeError: 'int' object is not an iterator")]
    public void Iterating_what_cannot_be_iterated_raises_CPythons_TypeError(string profile, string notAnIterator)
    {
        // python2.7 / python3.12: iter(5) → TypeError: 'int' object is not iterable; next(5) → see above
        Leaks.Check(profile, rt =>
        {
            Assert.Equal("TypeError: 'int' object is not iterable", IterationKit.Error(() => rt.Iter(rt.Int(5))));
            Assert.Equal(notAnIterator, IterationKit.Error(() => rt.Next(rt.Int(5))));
        });
    }

    [Theory]
    [InlineData("py27", "next")]
    [InlineData("py312", "__next__")]
    public void An_instance_iterates_through_its_iter_and_next_methods_until_StopIteration(string profile, string nextName)
    {
        // python: class C(object): __iter__ returns self; next/__next__ counts to 3, then raises StopIteration
        //         list(C()) → [1, 2, 3]; 2 in C() → True
        Leaks.Check(profile, rt =>
        {
            var counter = 0;
            var cls = rt.DefineClass("C", new Dictionary<string, Handle>
            {
                ["__iter__"] = rt.Method("__iter__", (self, _) => self),
                [nextName] = rt.Method(nextName, (self, _) => ++counter <= 3 ? rt.Int(counter) : throw new PythonException("StopIteration", "")),
            });
            Assert.Equal(["1", "2", "3"], rt.Drain(rt.Call(cls)));
            counter = 0;
            Assert.True(rt.In(rt.Call(cls), rt.Int(2)));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_iter_method_that_returns_a_non_iterator_raises_TypeError(string profile)
    {
        // python: class NoNext(object): def __iter__(self): return self
        //         iter(NoNext()) → TypeError: iter() returned non-iterator of type 'NoNext'
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("NoNext", new Dictionary<string, Handle> { ["__iter__"] = rt.Method("__iter__", (self, _) => self) });
            Assert.Equal("TypeError: iter() returned non-iterator of type 'NoNext'", IterationKit.Error(() => rt.Iter(rt.Call(cls))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_class_with_only_getitem_iterates_through_the_generic_iterator(string profile)
    {
        // python: class G(object): def __getitem__(self, i): if i > 2: raise IndexError(i); return i * 10
        //         list(G()) → [0, 10, 20]; type(iter(G())).__name__ → 'iterator'; 20 in G() → True
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("G", new Dictionary<string, Handle>
            {
                ["__getitem__"] = rt.Method("__getitem__", (self, a) => rt.ToInt64(a[0]) > 2 ? throw new PythonException("IndexError", "") : rt.Int(rt.ToInt64(a[0]) * 10)),
            });
            Assert.Equal(["0", "10", "20"], rt.Drain(rt.Call(cls)));
            Assert.Equal("iterator", rt.Iter(rt.Call(cls)).TypeName());
            Assert.True(rt.In(rt.Call(cls), rt.Int(20)));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_list_subclass_iterates_as_a_list(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var listType = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.List));
            var cls = rt.DefineClass("L", bases: [listType]);
            var l = rt.Call(cls);
            rt.Append(l, rt.Int(4));
            Assert.Equal(["4"], rt.Drain(l));
            Assert.True(rt.In(l, rt.Int(4)));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_iterator_in_a_cycle_is_collected(string profile)
    {
        // python: l = []; l.append(iter(l)); del l; gc.collect() → 2 (the list and its iterator)
        Leaks.Check(profile, rt =>
        {
            using (rt.OpenScope())
            {
                var l = rt.List();
                rt.Append(l, rt.Iter(l));
            }

            Assert.Equal(2, rt.Gc.Collect());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_item_iterator_reuses_its_tuple_when_the_caller_dropped_it(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var d = rt.Dict();
            rt.SetItem(d, rt.Int(1), rt.Int(2));
            rt.SetItem(d, rt.Int(3), rt.Int(4));
            var it = rt.Own(rt.Heap.Types.Iterators.DictItems.New(d.Ref().Ptr));
            var heap = rt.Heap;
            var first = heap.IterNext(it.Ref().Ptr);
            var address = first.Address;
            Assert.Equal("(1, 2)", heap.ReprString(first.Ptr));
            first.DecRef();
            var second = heap.IterNext(it.Ref().Ptr);
            Assert.Equal(address, second.Address);
            Assert.Equal("(3, 4)", heap.ReprString(second.Ptr));
            second.DecRef();
        });
    }

    [Theory]
    [InlineData("py27", "dictionary-valueiterator", "dictionary-itemiterator")]
    [InlineData("py312", "dict_valueiterator", "dict_itemiterator")]
    public void Dict_value_and_item_iterators_have_the_names_of_the_profile(string profile, string values, string items)
    {
        Leaks.Check(profile, rt =>
        {
            var types = rt.Heap.Types.Iterators;
            Assert.Equal(values, types.DictValues.Name);
            Assert.Equal(items, types.DictItems.Name);
            Assert.IsType<DictIteratorType>(types.DictItems);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_weak_container_iterates_through_the_protocol(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("K");
            var k = rt.Call(cls);
            var ws = rt.Own(rt.Heap.NewWeakSet());
            rt.CallMethod(ws, "add", k);
            Assert.Equal("generator", rt.Iter(ws).TypeName());
            Assert.Single(rt.Drain(ws));
            Assert.True(rt.In(ws, k));
        });
    }
}
