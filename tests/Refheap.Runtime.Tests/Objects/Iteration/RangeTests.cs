using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Iteration;

public sealed unsafe class RangeTests
{
    private static Handle RangeType(Runtime rt) => rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Iterators.Range));

    [Theory]
    // python2.7: xrange(5), xrange(1, 5), xrange(1, 10, 3), xrange(10, 1, -3), xrange(5, 1)
    [InlineData("py27", "xrange", "xrange(5)", "xrange(1, 5)", "xrange(1, 10, 3)", "xrange(10, 1, -3)", "xrange(5, 5)")]
    // python3.12: the same with range
    [InlineData("py312", "range", "range(0, 5)", "range(1, 5)", "range(1, 10, 3)", "range(10, 1, -3)", "range(5, 1)")]
    public void Ranges_repr_as_the_profile_does(string profile, string name, string r5, string r15, string r1103, string r101m3, string r51)
    {
        Leaks.Check(profile, rt =>
        {
            var range = RangeType(rt);
            Assert.Equal(name, rt.Heap.Types.Iterators.Range.Name);
            Assert.Equal(r5, rt.Repr(rt.Call(range, rt.Int(5))));
            Assert.Equal(r15, rt.Repr(rt.Call(range, rt.Int(1), rt.Int(5))));
            Assert.Equal(r1103, rt.Repr(rt.Call(range, rt.Int(1), rt.Int(10), rt.Int(3))));
            Assert.Equal(r101m3, rt.Repr(rt.Call(range, rt.Int(10), rt.Int(1), rt.Int(-3))));
            Assert.Equal(r51, rt.Repr(rt.Call(range, rt.Int(5), rt.Int(1))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_range_is_lazy_sized_indexable_and_searchable(string profile)
    {
        // python: r = range(10, 1, -3); list(r) → [10, 7, 4]; len(r) → 3; r[-1] → 4; 7 in r → True; 8 in r → False; 7.0 in r → True
        Leaks.Check(profile, rt =>
        {
            var r = rt.Call(RangeType(rt), rt.Int(10), rt.Int(1), rt.Int(-3));
            Assert.Equal(["10", "7", "4"], rt.Drain(r));
            Assert.Equal(3, rt.Length(r));
            Assert.Equal(4, rt.ToInt64(rt.GetItem(r, rt.Int(-1))));
            Assert.True(rt.In(r, rt.Int(7)));
            Assert.False(rt.In(r, rt.Int(8)));
            Assert.True(rt.In(r, rt.Float(7.0)));
            Assert.True(rt.Heap.TryGetReversedIter(r.Ref().Ptr, out var reversed));
            Assert.Equal(["4", "7", "10"], rt.Drain(rt.Own(reversed)));
        });
    }

    [Theory]
    [InlineData("py27", "rangeiterator", "IndexError: xrange object index out of range", "TypeError: xrange() requires 1-3 int arguments", "TypeError: integer argument expected, got float", "ValueError: xrange() arg 3 must not be zero")]
    [InlineData("py312", "range_iterator", "IndexError: range object index out of range", "TypeError: range expected at least 1 argument, got 0", "TypeError: 'float' object cannot be interpreted as an integer", "ValueError: range() arg 3 must not be zero")]
    public void Range_errors_and_iterator_follow_the_profile(string profile, string iterator, string index, string noArgs, string floatArg, string zeroStep)
    {
        Leaks.Check(profile, rt =>
        {
            var range = RangeType(rt);
            var r = rt.Call(range, rt.Int(5));
            Assert.Equal(iterator, rt.Iter(r).TypeName());
            Assert.Equal(index, IterationKit.Error(() => rt.GetItem(r, rt.Int(7))));
            Assert.Equal(noArgs, IterationKit.Error(() => rt.Call(range)));
            Assert.Equal(floatArg, IterationKit.Error(() => rt.Call(range, rt.Float(1.5))));
            Assert.Equal(zeroStep, IterationKit.Error(() => rt.Call(range, rt.Int(1), rt.Int(2), rt.Int(0))));
        });
    }

    [Fact]
    public void Python3_range_is_a_full_sequence()
    {
        // python3.12: r = range(1, 10, 2); r.start, r.stop, r.step → 1 10 2; r.index(5) → 2; r.count(5) → 1;
        //             r.index(4) → ValueError: 4 is not in range; range(0) == range(2, 2) → True
        Leaks.Check("py312", rt =>
        {
            var range = RangeType(rt);
            var r = rt.Call(range, rt.Int(1), rt.Int(10), rt.Int(2));
            Assert.Equal(10, rt.ToInt64(rt.GetAttr(r, "stop")));
            Assert.Equal(2, rt.ToInt64(rt.CallMethod(r, "index", rt.Int(5))));
            Assert.Equal(1, rt.ToInt64(rt.CallMethod(r, "count", rt.Int(5))));
            Assert.Equal("ValueError: 4 is not in range", IterationKit.Error(() => rt.CallMethod(r, "index", rt.Int(4))));
            Assert.True(rt.AreEqual(rt.Call(range, rt.Int(0)), rt.Call(range, rt.Int(2), rt.Int(2))));
        });
    }

    [Fact]
    public void Python27_range_makes_a_list_with_its_own_errors()
    {
        // python2.7: range(1, 10, 3) → [1, 4, 7]; range(1.5) → TypeError: range() integer end argument expected, got float.
        //            range(1, 2, 0) → ValueError: range() step argument must not be zero; range() → TypeError: range expected at least 1 arguments, got 0
        Leaks.Check("py27", rt =>
        {
            var types = rt.Heap.Types.Iterators;
            Handle Call(params Handle[] args) => rt.Own(types.Range.NewList(rt.Tuple(args).Ref().Ptr, null));
            Assert.Equal("[1, 4, 7]", rt.Repr(Call(rt.Int(1), rt.Int(10), rt.Int(3))));
            Assert.Equal("TypeError: range() integer end argument expected, got float.", IterationKit.Error(() => Call(rt.Float(1.5))));
            Assert.Equal("ValueError: range() step argument must not be zero", IterationKit.Error(() => Call(rt.Int(1), rt.Int(2), rt.Int(0))));
            Assert.Equal("TypeError: range expected at least 1 arguments, got 0", IterationKit.Error(() => Call()));
        });
    }
}
