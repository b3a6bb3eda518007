using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Iteration;

public sealed class ContainsTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void In_tests_the_built_in_containers(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            Assert.True(rt.In(rt.Ints(1, 2), rt.Int(2)));
            Assert.False(rt.In(rt.Ints(1, 2), rt.Int(3)));
            Assert.True(rt.In(rt.Tuple(rt.Str("a")), rt.Str("a")));
            Assert.True(rt.In(rt.Str("cat"), rt.Str("at")));
            Assert.False(rt.In(rt.Str("cat"), rt.Str("dog")));
            var d = rt.Dict();
            rt.SetItem(d, rt.Int(1), rt.Int(2));
            Assert.True(rt.In(d, rt.Int(1)));
            Assert.False(rt.In(d, rt.Int(2)));
            Assert.True(rt.In(rt.Ints(1, 2), rt.Float(2.0)));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void In_raises_CPythons_errors(string profile)
    {
        // python2.7 / python3.12:
        //   5 in 5       → TypeError: argument of type 'int' is not iterable
        //   1 in 'cat'   → TypeError: 'in <string>' requires string as left operand, not int
        //   [] in {}     → TypeError: unhashable type: 'list'
        Leaks.Check(profile, rt =>
        {
            Assert.Equal("TypeError: argument of type 'int' is not iterable", IterationKit.Error(() => rt.In(rt.Int(5), rt.Int(5))));
            Assert.Equal("TypeError: 'in <string>' requires string as left operand, not int", IterationKit.Error(() => rt.In(rt.Str("cat"), rt.Int(1))));
            Assert.Equal("TypeError: unhashable type: 'list'", IterationKit.Error(() => rt.In(rt.Dict(), rt.List())));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void In_calls_a_classs_contains_method(string profile)
    {
        // python: class CC(object): def __contains__(self, x): return x == 7
        //         7 in CC() → True; 8 in CC() → False
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("CC", new Dictionary<string, Handle>
            {
                ["__contains__"] = rt.Method("__contains__", (self, a) => rt.Bool(rt.ToInt64(a[0]) == 7)),
            });
            Assert.True(rt.In(rt.Call(cls), rt.Int(7)));
            Assert.False(rt.In(rt.Call(cls), rt.Int(8)));
        });
    }
}
