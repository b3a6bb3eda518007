using Refheap.Objects;

namespace Refheap.Python.Tests.Builtins;

/// <summary>
/// 3.12's map, filter, zip, enumerate and reversed make heap objects as CPython's do, and the
/// collector's allocation count shows the same objects (the object and the iterators it
/// holds). From CPython 3.12.1, with L a list and T a tuple:
/// <code>a = gc.get_count()[0]; r = map(abs, L); print(gc.get_count()[0] - a)   # 2</code>
/// filter(None, L) 2, zip(L, T) 3, enumerate(L) 2, reversed(T) 1, reversed(L) 1 (a list_reverseiterator).
/// </summary>
public sealed class IteratorObjectTests
{
    [Theory]
    [InlineData("map", 2, "map")]
    [InlineData("filter", 2, "filter")]
    [InlineData("zip", 3, "zip")]
    [InlineData("enumerate", 2, "enumerate")]
    [InlineData("reversed_tuple", 1, "reversed")]
    [InlineData("reversed_list", 1, "list_reverseiterator")]
    public void The_iterator_objects_are_allocated_as_CPythons_are(string call, int allocations, string typeName)
    {
        using var kit = new BuiltinsKit("py312");
        var api = kit.Api;
        var list = Pack(api, tuple: false, 1, -2, 3);
        var tuple = Pack(api, tuple: true, 1, 2);
        PyRef[] args = call switch
        {
            "map" => [kit.Builtin("abs"), list],
            "filter" => [api.None, list],
            "zip" => [list, tuple],
            "enumerate" or "reversed_list" => [list],
            _ => [tuple],
        };
        var argTuple = api.NewTuple(args);
        if (call == "filter")
        {
            args[0].DecRef();
        }

        var function = kit.Builtin(call.StartsWith("reversed", StringComparison.Ordinal) ? "reversed" : call);

        // Once to warm the free lists, then measured.
        api.Call(function, argTuple, PyRef.Null).DecRef();
        var before = kit.Runtime.Gc.GetCount().Gen0;
        var result = api.Call(function, argTuple, PyRef.Null);
        var after = kit.Runtime.Gc.GetCount().Gen0;
        Assert.Equal(allocations, after - before);
        Assert.Equal(typeName, result.Descriptor.Name);
        Assert.StartsWith($"<{typeName} object at 0x", api.Repr(result));
        result.DecRef();
        argTuple.DecRef();
        list.DecRef();
        tuple.DecRef();
    }

    [Fact]
    public void An_exhausted_reversed_drops_its_sequence()
    {
        // CPython's reversed clears its reference to the sequence once it has given every item.
        using var kit = new BuiltinsKit("py312");
        var api = kit.Api;
        var tuple = Pack(api, tuple: true, 7);
        var args = api.NewTuple([tuple]);
        var reversed = api.Call(kit.Builtin("reversed"), args, PyRef.Null);
        args.DecRef();
        var held = tuple.RefCount;
        var item = api.IterNext(reversed);
        Assert.Equal("7", api.Repr(item));
        item.DecRef();
        Assert.True(api.IterNext(reversed).IsNull);
        Assert.False(api.ErrorOccurred);
        Assert.Equal(held - 1, tuple.RefCount);
        reversed.DecRef();
        tuple.DecRef();
    }

    private static PyRef Pack(ObjectApi api, bool tuple, params long[] values)
    {
        var items = values.Select(api.NewInt).ToArray();
        var seq = tuple ? api.NewTuple(items) : api.NewList(items);
        foreach (var item in items)
        {
            item.DecRef();
        }

        return seq;
    }
}
