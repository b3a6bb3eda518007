using Refheap.Objects;

namespace Refheap.Python.Tests.Builtins;

/// <summary><c>sum</c> adds as the <c>+</c> operator does (PyNumber_Add): sequences concatenate.</summary>
public sealed class SumTests
{
    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void Sum_of_lists_with_a_list_start_concatenates(string profile)
    {
        using var kit = new BuiltinsKit(profile);
        var api = kit.Api;
        var one = Single(api, 1);
        var two = Single(api, 2);
        var items = api.NewList([one, two]);
        var start = api.NewList([]);
        var args = api.NewTuple([items, start]);
        Assert.Equal("-> [1, 2]", kit.Describe(api.Call(kit.Builtin("sum"), args, PyRef.Null)));
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
