using Refheap.RuntimeTests.Objects.Iteration;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Methods;

/// <summary>The room lists built from iterables get, as <c>sys.getsizeof</c> shows it in CPython.</summary>
public sealed unsafe class ListAllocationTests
{
    private static long Capacity(Handle list) => (list.SizeOf() - 40) / 8;

    /// <summary>A class whose instances iterate 1..n and give no length hint (as a generator).</summary>
    private static Handle Counter(Runtime rt, long n)
    {
        var next = rt.Heap.Types.Iterators.Behaviour.NextMethodName;
        var cls = rt.DefineClass("Counter", new Dictionary<string, Handle>
        {
            ["__iter__"] = rt.Method("__iter__", (self, _) => self),
            [next] = rt.Method(next, (self, _) =>
            {
                var i = rt.ToInt64(rt.GetAttr(self, "i")) + 1;
                rt.SetAttr(self, "i", rt.Int(i));
                return i <= rt.ToInt64(rt.GetAttr(self, "n")) ? rt.Int(i) : throw new PythonException("StopIteration", "");
            }),
        });
        var c = rt.Call(cls);
        rt.SetAttr(c, "i", rt.Int(0));
        rt.SetAttr(c, "n", rt.Int(n));
        return c;
    }

    [Theory]
    // python2.7 / python3.12: (sys.getsizeof(x) - sys.getsizeof([])) // 8 for
    //   list(xrange(10) / range(10)), list(iter([1, 2, 3])), list(generator of 5), list({1: 1, 2: 2}),
    //   list('abcdefghij'), list(set(range(7)))
    [InlineData("py27", new long[] { 17, 6, 8, 5, 17, 10 })]
    [InlineData("py312", new long[] { 10, 4, 8, 2, 10, 8 })]
    public void A_list_from_an_iterable_gets_CPythons_room(string profile, long[] expected)
    {
        Leaks.Check(profile, rt =>
        {
            var range = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Iterators.Range));
            var d = rt.Dict();
            rt.SetItem(d, rt.Int(1), rt.Int(1));
            rt.SetItem(d, rt.Int(2), rt.Int(2));
            Handle[] sources =
            [
                rt.Call(range, rt.Int(10)), rt.Iter(rt.Ints(1, 2, 3)), Counter(rt, 5), d, rt.Str("abcdefghij"),
                rt.Own(rt.Heap.NewSet(rt.Call(range, rt.Int(7)).Ref().Ptr)),
            ];
            Assert.Equal(expected, sources.Select(s => Capacity(rt.Own(rt.Heap.ListFromIterable(s.Ref().Ptr)))));
        });
    }

    [Theory]
    // python2.7 / python3.12: l = []; l.extend(xrange(5) / range(5)); l = [1]; l.extend(iter([2, 3, 4])); l = []; l.extend(generator of 20)
    [InlineData("py27", new long[] { 8, 7, 20 })]
    [InlineData("py312", new long[] { 6, 8, 24 })]
    public void Extend_makes_room_from_the_length_hint_and_cuts_back(string profile, long[] expected)
    {
        Leaks.Check(profile, rt =>
        {
            var range = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Iterators.Range));
            var a = rt.List();
            rt.CallMethod(a, "extend", rt.Call(range, rt.Int(5)));
            var b = rt.Ints(1);
            rt.CallMethod(b, "extend", rt.Iter(rt.Ints(2, 3, 4)));
            var c = rt.List();
            rt.CallMethod(c, "extend", Counter(rt, 20));
            Assert.Equal(expected, new[] { a, b, c }.Select(Capacity));
            Assert.Equal(20, rt.Length(c));
        });
    }
}
