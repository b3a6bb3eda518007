using Refheap.Objects;

namespace Refheap.Python.Tests.Builtins;

/// <summary><c>sum</c> uses the evaluator's <c>+</c> when the host gives it (sequences, classes' __add__).</summary>
public sealed class SumTests
{
    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void Sum_adds_with_the_hosts_operator_when_given(string profile)
    {
        using var kit = new BuiltinsKit(profile);
        var api = kit.Api;
        var calls = 0;

        // A stand-in for the evaluator's +: concatenates two lists.
        kit.Host.Add = (a, b) =>
        {
            calls++;
            var list = api.ListFromIterable(a);
            Assert.Equal(0, api.ExtendList(list, b));
            return list;
        };
        var one = Single(api, 1);
        var two = Single(api, 2);
        var items = api.NewList([one, two]);
        var start = api.NewList([]);
        var args = api.NewTuple([items, start]);
        Assert.Equal("-> [1, 2]", kit.Describe(api.Call(kit.Builtin("sum"), args, PyRef.Null)));
        Assert.Equal(2, calls);
        foreach (var o in new[] { one, two, items, start, args })
        {
            o.DecRef();
        }
    }

    private static PyRef Single(ObjectApi api, long value)
    {
        var n = api.NewInt(value);
        var list = api.NewList([n]);
        n.DecRef();
        return list;
    }
}
