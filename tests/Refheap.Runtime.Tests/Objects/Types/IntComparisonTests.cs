using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Types;

public sealed unsafe class IntComparisonTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Distinct_int_objects_compare_by_value_as_the_generic_comparison_does(string profile)
    {
        // 1000 and 1001 are outside the small-int cache: each Int call makes a new object.
        Leaks.Check(profile, rt =>
        {
            long[] values = [-7_000_000_000, -1000, 1000, 1001, long.MaxValue];
            foreach (var x in values)
            {
                foreach (var y in values)
                {
                    var a = rt.Int(x).Ref().Ptr;
                    var b = rt.Int(y).Ref().Ptr;
                    Assert.True(a != b);
                    foreach (var op in Enum.GetValues<CompareOp>())
                    {
                        var generic = rt.Heap.RichCompare(a, b, op);
                        var expected = rt.Heap.IsTrue(generic.Ptr);
                        generic.DecRef();
                        Assert.Equal(expected, rt.Heap.RichCompareBool(a, b, op));
                    }
                }
            }
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Comparing_two_ints_at_the_recursion_limit_raises_the_recursion_error(string profile)
    {
        // PyObject_RichCompare enters a recursion level before comparing, ints included.
        Leaks.Check(profile, rt =>
        {
            var a = rt.Int(1000).Ref().Ptr;
            var b = rt.Int(1000).Ref().Ptr;
            var limit = rt.Heap.RecursionLimit;
            rt.Heap.RecursionLimit = 0;
            try
            {
                Assert.Equal(-1, rt.Heap.RichCompareBool(a, b, CompareOp.Eq));
                Assert.True(rt.Heap.ErrorMatches(rt.Heap.Types.Exceptions.RecursionError));
                rt.Heap.ClearError();
            }
            finally
            {
                rt.Heap.RecursionLimit = limit;
            }

            Assert.Equal(1, rt.Heap.RichCompareBool(a, b, CompareOp.Eq));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_dict_finds_and_deletes_an_int_key_through_an_equal_new_int(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var d = rt.Dict();
            for (var i = 1000; i < 1100; i++)
            {
                d[rt.Int(i)] = rt.Int(i * 2);
            }

            for (var i = 1000; i < 1100; i += 2)
            {
                rt.DelItem(d, rt.Int(i));
            }

            Assert.Equal(50, rt.Length(d));
            Assert.Equal(2002, rt.ToInt64(d[rt.Int(1001)]));
            Assert.Throws<PythonException>(() => d[rt.Int(1000)]);
        });
    }
}
