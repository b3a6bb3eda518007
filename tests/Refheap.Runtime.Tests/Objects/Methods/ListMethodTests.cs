using Refheap.RuntimeTests.Objects.Iteration;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Methods;

public sealed class ListMethodTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_mutating_methods_change_the_list_as_CPythons(string profile)
    {
        // python: l = [1, 2]; l.append(3); l.extend((4, 5)); l.insert(0, 0); l.insert(-1, 9); l.insert(99, 7)
        //         → [0, 1, 2, 3, 4, 9, 5, 7]; l.pop() → 7; l.pop(0) → 0; l.remove(9); l.reverse() → [5, 4, 3, 2, 1]
        Leaks.Check(profile, rt =>
        {
            var l = rt.Ints(1, 2);
            Assert.Equal("None", rt.Repr(rt.CallMethod(l, "append", rt.Int(3))));
            rt.CallMethod(l, "extend", rt.Tuple(rt.Int(4), rt.Int(5)));
            rt.CallMethod(l, "insert", rt.Int(0), rt.Int(0));
            rt.CallMethod(l, "insert", rt.Int(-1), rt.Int(9));
            rt.CallMethod(l, "insert", rt.Int(99), rt.Int(7));
            Assert.Equal("[0, 1, 2, 3, 4, 9, 5, 7]", rt.Repr(l));
            Assert.Equal("7", rt.Repr(rt.CallMethod(l, "pop")));
            Assert.Equal("0", rt.Repr(rt.CallMethod(l, "pop", rt.Int(0))));
            rt.CallMethod(l, "remove", rt.Int(9));
            rt.CallMethod(l, "reverse");
            Assert.Equal("[5, 4, 3, 2, 1]", rt.Repr(l));
            rt.CallMethod(l, "extend", l);
            Assert.Equal(10, rt.Length(l));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Index_and_count_search_by_equality(string profile)
    {
        // python: [1, 2, 3, 2].index(2) → 1; .index(2, 2) → 3; .count(2) → 2; [1].index(5) → ValueError: 5 is not in list
        Leaks.Check(profile, rt =>
        {
            var l = rt.Ints(1, 2, 3, 2);
            Assert.Equal(1, rt.ToInt64(rt.CallMethod(l, "index", rt.Int(2))));
            Assert.Equal(3, rt.ToInt64(rt.CallMethod(l, "index", rt.Int(2), rt.Int(2))));
            Assert.Equal(3, rt.ToInt64(rt.CallMethod(l, "index", rt.Int(2), rt.Int(-1))));
            Assert.Equal(2, rt.ToInt64(rt.CallMethod(l, "count", rt.Int(2))));
            Assert.Equal("ValueError: 5 is not in list", IterationKit.Error(() => rt.CallMethod(l, "index", rt.Int(5))));
            Assert.Equal("ValueError: 'a' is not in list", IterationKit.Error(() => rt.CallMethod(l, "index", rt.Str("a"))));
            Assert.Equal("ValueError: list.remove(x): x not in list", IterationKit.Error(() => rt.CallMethod(l, "remove", rt.Int(5))));
            Assert.Equal("TypeError: slice indices must be integers or have an __index__ method", IterationKit.Error(() => rt.CallMethod(l, "index", rt.Int(2), rt.None)));
            Assert.Equal("IndexError: pop from empty list", IterationKit.Error(() => rt.CallMethod(rt.List(), "pop")));
            Assert.Equal("IndexError: pop index out of range", IterationKit.Error(() => rt.CallMethod(l, "pop", rt.Int(9))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Sort_is_stable_and_honours_key_and_reverse(string profile)
    {
        // python: l = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')]; l.sort(key=lambda x: x[0], reverse=True)
        //         → [(1, 'a'), (1, 'c'), (0, 'b'), (0, 'd')]
        Leaks.Check(profile, rt =>
        {
            var l = rt.List(
                rt.Tuple(rt.Int(1), rt.Str("a")), rt.Tuple(rt.Int(0), rt.Str("b")),
                rt.Tuple(rt.Int(1), rt.Str("c")), rt.Tuple(rt.Int(0), rt.Str("d")));
            var first = rt.Function("first", a => rt.GetItem(a[0], rt.Int(0)));
            rt.CallMethodKw(l, "sort", [], ("key", first), ("reverse", rt.Bool(true)));
            Assert.Equal("[(1, 'a'), (1, 'c'), (0, 'b'), (0, 'd')]", rt.Repr(l));

            var numbers = rt.Ints(5, 3, 9, 1, 7, 3, 0, 8, 2, 6, 4);
            rt.CallMethod(numbers, "sort");
            Assert.Equal("[0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]", rt.Repr(numbers));
            rt.CallMethodKw(numbers, "sort", [], ("reverse", rt.Bool(true)));
            Assert.Equal("[9, 8, 7, 6, 5, 4, 3, 3, 2, 1, 0]", rt.Repr(numbers));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_list_changed_by_its_sort_key_raises_ValueError_and_keeps_its_items(string profile)
    {
        // python: l = [3, 2, 1]; l.sort(key=lambda x: l.append(1) or x) → ValueError: list modified during sort; l → [1, 2, 3]
        Leaks.Check(profile, rt =>
        {
            var l = rt.Ints(3, 2, 1);
            var key = rt.Function("k", a =>
            {
                rt.Append(l, rt.Int(1));
                return a[0];
            });
            Assert.Equal("ValueError: list modified during sort", IterationKit.Error(() => rt.CallMethodKw(l, "sort", [], ("key", key))));
            Assert.Equal("[1, 2, 3]", rt.Repr(l));
        });
    }

    [Theory]
    [InlineData("py27", "[1, 'a']")]
    [InlineData("py312", "TypeError: '<' not supported between instances of 'str' and 'int'")]
    public void Sorting_unorderable_items_follows_the_profile(string profile, string expected)
    {
        Leaks.Check(profile, rt =>
        {
            var l = rt.List(rt.Int(1), rt.Str("a"));
            var outcome = profile == "py27" ? rt.Repr(l) : IterationKit.Error(() => rt.CallMethod(l, "sort"));
            if (profile == "py27")
            {
                rt.CallMethod(l, "sort");
                outcome = rt.Repr(l);
            }

            Assert.Equal(expected, outcome);
        });
    }

    [Fact]
    public void Python27_sort_takes_a_cmp_function()
    {
        // python2.7: l = [1, 3, 2]; l.sort(cmp=lambda a, b: b - a) → [3, 2, 1]; l.sort(lambda a, b: a - b) → [1, 2, 3]
        Leaks.Check("py27", rt =>
        {
            var l = rt.Ints(1, 3, 2);
            var descending = rt.Function("cmp", a => rt.Int(rt.ToInt64(a[1]) - rt.ToInt64(a[0])));
            rt.CallMethodKw(l, "sort", [], ("cmp", descending));
            Assert.Equal("[3, 2, 1]", rt.Repr(l));
            var ascending = rt.Function("cmp", a => rt.Int(rt.ToInt64(a[0]) - rt.ToInt64(a[1])));
            rt.CallMethod(l, "sort", ascending);
            Assert.Equal("[1, 2, 3]", rt.Repr(l));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Copy_and_clear_exist_only_in_Python3(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var l = rt.Ints(1, 2);
            if (profile == "py27")
            {
                Assert.Equal("AttributeError: 'list' object has no attribute 'copy'", IterationKit.Error(() => rt.GetAttr(l, "copy")));
                return;
            }

            var copy = rt.CallMethod(l, "copy");
            rt.CallMethod(l, "clear");
            Assert.Equal("[]", rt.Repr(l));
            Assert.Equal("[1, 2]", rt.Repr(copy));
        });
    }

    [Theory]
    // python2.7 / python3.12: the errors of bad calls
    [InlineData("py27", "append() takes exactly one argument (0 given)", "insert() takes exactly 2 arguments (1 given)", "pop() takes at most 1 argument (2 given)", "reverse() takes no arguments (1 given)", "append() takes no keyword arguments", "'zz' is an invalid keyword argument for this function", "integer argument expected, got float")]
    [InlineData("py312", "list.append() takes exactly one argument (0 given)", "insert expected 2 arguments, got 1", "pop expected at most 1 argument, got 2", "list.reverse() takes no arguments (1 given)", "list.append() takes no keyword arguments", "'zz' is an invalid keyword argument for sort()", "'float' object cannot be interpreted as an integer")]
    public void Bad_calls_raise_CPythons_TypeErrors(string profile, string append, string insert, string pop, string reverse, string keywords, string sortKeyword, string floatIndex)
    {
        Leaks.Check(profile, rt =>
        {
            var l = rt.Ints(1);
            Assert.Equal("TypeError: " + append, IterationKit.Error(() => rt.CallMethod(l, "append")));
            Assert.Equal("TypeError: " + insert, IterationKit.Error(() => rt.CallMethod(l, "insert", rt.Int(0))));
            Assert.Equal("TypeError: " + pop, IterationKit.Error(() => rt.CallMethod(l, "pop", rt.Int(0), rt.Int(0))));
            Assert.Equal("TypeError: " + reverse, IterationKit.Error(() => rt.CallMethod(l, "reverse", rt.Int(0))));
            Assert.Equal("TypeError: " + keywords, IterationKit.Error(() => rt.CallMethodKw(l, "append", [rt.Int(0)], ("zz", rt.Int(1)))));
            Assert.Equal("TypeError: " + sortKeyword, IterationKit.Error(() => rt.CallMethodKw(l, "sort", [], ("zz", rt.Int(1)))));
            Assert.Equal("TypeError: " + floatIndex, IterationKit.Error(() => rt.CallMethod(l, "pop", rt.Float(0.0))));
        });
    }

    [Theory]
    [InlineData("py27", "descriptor 'append' of 'list' object needs an argument", "descriptor 'append' requires a 'list' object but received a 'int'")]
    [InlineData("py312", "unbound method list.append() needs an argument", "descriptor 'append' for 'list' objects doesn't apply to a 'int' object")]
    public void A_method_called_on_the_class_takes_the_instance_first(string profile, string noInstance, string wrongInstance)
    {
        // python: list.append(l, 5) appends; list.append() and list.append(3) raise
        Leaks.Check(profile, rt =>
        {
            var listType = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.List));
            var append = rt.GetAttr(listType, "append");
            var l = rt.List();
            rt.Call(append, l, rt.Int(5));
            Assert.Equal("[5]", rt.Repr(l));
            Assert.Equal("TypeError: " + noInstance, IterationKit.Error(() => rt.Call(append)));
            Assert.Equal("TypeError: " + wrongInstance, IterationKit.Error(() => rt.Call(append, rt.Int(3))));
        });
    }

    [Theory]
    [InlineData("py27", "next")]
    [InlineData("py312", "__next__")]
    public void Iterators_have_iter_next_and_length_hint_methods(string profile, string next)
    {
        // python: it = iter([1, 2]); it.__length_hint__() → 2; it.next() / it.__next__() → 1; iter(it) is it
        Leaks.Check(profile, rt =>
        {
            var it = rt.Iter(rt.Ints(1, 2));
            Assert.Equal(2, rt.ToInt64(rt.CallMethod(it, "__length_hint__")));
            Assert.Equal(1, rt.ToInt64(rt.CallMethod(it, next)));
            Assert.True(rt.Is(it, rt.CallMethod(it, "__iter__")));
            Assert.Equal(2, rt.ToInt64(rt.CallMethod(it, next)));
            Assert.Equal("StopIteration", IterationKit.Error(() => rt.CallMethod(it, next)));
        });
    }

    [Theory]
    [InlineData("py27", "listreverseiterator")]
    [InlineData("py312", "list_reverseiterator")]
    public void Reversed_method_walks_the_list_backwards(string profile, string typeName)
    {
        // python: it = [1, 2, 3].__reversed__(); type(it).__name__ → see above; list(it) → [3, 2, 1]
        Leaks.Check(profile, rt =>
        {
            var it = rt.CallMethod(rt.Ints(1, 2, 3), "__reversed__");
            Assert.Equal(typeName, it.TypeName());
            Assert.Equal(["3", "2", "1"], rt.Drain(it));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Sort_matches_a_stable_reference_on_seeded_random_lists(string profile)
    {
        // Pairs (value, position) sorted by value (a key: ints compared directly) and as tuples
        // (rich comparison), forwards and reversed, against LINQ's stable OrderBy.
        Leaks.Check(profile, rt =>
        {
            var random = new Random(20261124);
            var first = rt.Function("first", a => rt.GetItem(a[0], rt.Int(0)));
            foreach (var size in new[] { 0, 1, 2, 3, 7, 31, 64, 200 })
            {
                var values = Enumerable.Range(0, size).Select(_ => (long)random.Next(10)).ToArray();
                if (size == 64)
                {
                    Array.Sort(values);
                }

                foreach (var reverse in new[] { false, true })
                {
                    foreach (var byKey in new[] { true, false })
                    {
                        var l = rt.List([.. values.Select((v, i) => rt.Tuple(rt.Int(v), rt.Int(i)))]);
                        var kwargs = new List<(string, Handle)> { ("reverse", rt.Bool(reverse)) };
                        if (byKey)
                        {
                            kwargs.Add(("key", first));
                        }

                        rt.CallMethodKw(l, "sort", [], [.. kwargs]);
                        var indexed = values.Select((v, i) => (v, i));
                        var expected = byKey
                            ? (reverse ? indexed.OrderByDescending(p => p.v) : indexed.OrderBy(p => p.v))
                            : (reverse ? indexed.OrderByDescending(p => p.v).ThenByDescending(p => p.i) : indexed.OrderBy(p => p.v).ThenBy(p => p.i));
                        Assert.Equal(string.Join(", ", expected.Select(p => $"({p.v}, {p.i})")), rt.Repr(l).Trim('[', ']'));
                    }
                }
            }
        });
    }
}
