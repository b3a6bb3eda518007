using Refheap.RuntimeTests.Objects.Iteration;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Methods;

public sealed unsafe class SetMethodTests
{
    private static Handle SetOf(Runtime rt, params long[] values) => rt.Own(rt.Heap.NewSet(rt.Ints(values).Ref().Ptr));

    private static Handle FrozenOf(Runtime rt, params long[] values) => rt.Own(rt.Heap.NewFrozenSet(rt.Ints(values).Ref().Ptr));

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_mutating_methods_change_the_set(string profile)
    {
        // python: s = set(); s.add(1); s.add(2); s.discard(9); s.remove(2); s.update([3], (4,)) → {1, 3, 4}
        //         s.remove(9) → KeyError: 9; s.pop() removes one; set().pop() → KeyError: 'pop from an empty set'
        Leaks.Check(profile, rt =>
        {
            var s = rt.Set();
            rt.CallMethod(s, "add", rt.Int(1));
            rt.CallMethod(s, "add", rt.Int(2));
            rt.CallMethod(s, "discard", rt.Int(9));
            rt.CallMethod(s, "remove", rt.Int(2));
            rt.CallMethod(s, "update", rt.Ints(3), rt.Tuple(rt.Int(4)));
            Assert.Equal(3, rt.Length(s));
            Assert.Equal("KeyError: 9", IterationKit.Error(() => rt.CallMethod(s, "remove", rt.Int(9))));
            Assert.Equal("TypeError: unhashable type: 'list'", IterationKit.Error(() => rt.CallMethod(s, "add", rt.List())));
            rt.CallMethod(s, "pop");
            Assert.Equal(2, rt.Length(s));
            rt.CallMethod(s, "clear");
            Assert.Equal("KeyError: 'pop from an empty set'", IterationKit.Error(() => rt.CallMethod(s, "pop")));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Set_algebra_makes_new_sets_of_the_base_type(string profile)
    {
        // python: {1}.union([2], (3,)) → {1, 2, 3}; {1, 2}.intersection([2]) → {2}; {1, 2}.difference([2], [1]) → set()
        //         {1}.issubset([1, 2]) → True; {1}.issuperset([1, 2]) → False; type(frozenset([1]).union([2])) → frozenset
        Leaks.Check(profile, rt =>
        {
            Assert.Equal(3, rt.Length(rt.CallMethod(SetOf(rt, 1), "union", rt.Ints(2), rt.Tuple(rt.Int(3)))));
            var common = rt.CallMethod(SetOf(rt, 1, 2), "intersection", rt.Ints(2));
            Assert.Equal(["2"], rt.Drain(common));
            Assert.Equal(0, rt.Length(rt.CallMethod(SetOf(rt, 1, 2), "difference", rt.Ints(2), rt.Ints(1))));
            Assert.Equal("True", rt.Repr(rt.CallMethod(SetOf(rt, 1), "issubset", rt.Ints(1, 2))));
            Assert.Equal("False", rt.Repr(rt.CallMethod(SetOf(rt, 1), "issuperset", rt.Ints(1, 2))));
            Assert.Equal("frozenset", rt.CallMethod(FrozenOf(rt, 1), "union", rt.Ints(2)).TypeName());
            var frozen = FrozenOf(rt, 1);
            Assert.True(rt.Is(frozen, rt.CallMethod(frozen, "copy")));
            Assert.Equal("AttributeError: 'frozenset' object has no attribute 'add'", IterationKit.Error(() => rt.GetAttr(frozen, "add")));
            Assert.Equal("TypeError: 'int' object is not iterable", IterationKit.Error(() => rt.CallMethod(SetOf(rt, 1), "union", rt.Int(1))));
        });
    }

    [Theory]
    [InlineData("py27", "add() takes exactly one argument (0 given)", "pop() takes no arguments (1 given)", "union() takes no keyword arguments")]
    [InlineData("py312", "set.add() takes exactly one argument (0 given)", "set.pop() takes no arguments (1 given)", "union() takes no keyword arguments")]
    public void Bad_calls_raise_CPythons_TypeErrors(string profile, string add, string pop, string union)
    {
        Leaks.Check(profile, rt =>
        {
            var s = rt.Set();
            Assert.Equal("TypeError: " + add, IterationKit.Error(() => rt.CallMethod(s, "add")));
            Assert.Equal("TypeError: " + pop, IterationKit.Error(() => rt.CallMethod(s, "pop", rt.Int(1))));
            Assert.Equal("TypeError: " + union, IterationKit.Error(() => rt.CallMethodKw(s, "union", [], ("zz", rt.Int(1)))));
        });
    }

    [Theory]
    [InlineData("py27", new long[] { 0, 1, 2, 0, 1, 3, 4 })]
    [InlineData("py312", new long[] { 0, 1, 2, 3, 4, 5, 6 })]
    public void Pop_follows_CPythons_search_finger(string profile, long[] expected)
    {
        // python2.7 / python3.12: s = set(range(10)); out = [s.pop(), s.pop(), s.pop()]
        //                         s.add(0); s.add(1); s.add(100); out += [s.pop() for _ in range(4)]
        Leaks.Check(profile, rt =>
        {
            var s = SetOf(rt, [.. Enumerable.Range(0, 10).Select(i => (long)i)]);
            var popped = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                popped.Add(rt.ToInt64(rt.CallMethod(s, "pop")));
            }

            foreach (var v in new long[] { 0, 1, 100 })
            {
                rt.CallMethod(s, "add", rt.Int(v));
            }

            for (var i = 0; i < 4; i++)
            {
                popped.Add(rt.ToInt64(rt.CallMethod(s, "pop")));
            }

            Assert.Equal(expected, popped);
        });
    }
}
