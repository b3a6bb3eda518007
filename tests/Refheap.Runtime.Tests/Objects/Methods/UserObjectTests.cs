using Refheap.RuntimeTests.Objects.Iteration;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Methods;

/// <summary>The containers' searches and sort with instances whose classes define comparison, hashing and truth.</summary>
public sealed unsafe class UserObjectTests
{
    /// <summary>A class whose instances carry <c>n</c> and compare, hash and test true by it.</summary>
    private static Handle Numbered(Runtime rt, List<string>? log = null)
    {
        long N(Handle o) => rt.ToInt64(rt.GetAttr(o, "n"));
        Handle Compare(string name, Func<long, long, bool> test) => rt.Method(name, (self, a) =>
        {
            log?.Add($"{N(self)} {name} {N(a[0])}");
            return rt.Bool(test(N(self), N(a[0])));
        });
        return rt.DefineClass("N", new Dictionary<string, Handle>
        {
            ["__eq__"] = Compare("__eq__", (x, y) => x == y),
            ["__lt__"] = Compare("__lt__", (x, y) => x < y),
            ["__hash__"] = rt.Method("__hash__", (self, _) => rt.Int(N(self) % 3)),
            ["__len__"] = rt.Method("__len__", (self, _) => rt.Int(N(self))),
        });
    }

    private static Handle Make(Runtime rt, Handle cls, long n)
    {
        var o = rt.Call(cls);
        rt.SetAttr(o, "n", rt.Int(n));
        return o;
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Sort_index_and_in_use_the_classs_comparisons(string profile)
    {
        // python: class N(object): __eq__/__lt__ compare self.n; l = [N(3), N(1), N(2)]; l.sort() → ns 1 2 3
        //         N(2) in l → True; l.index(N(3)) → 2; l.count(N(1)) → 1
        Leaks.Check(profile, rt =>
        {
            var cls = Numbered(rt);
            var l = rt.List(Make(rt, cls, 3), Make(rt, cls, 1), Make(rt, cls, 2));
            rt.CallMethod(l, "sort");
            Assert.Equal([1L, 2, 3], Enumerable.Range(0, 3).Select(i => rt.ToInt64(rt.GetAttr(rt.GetItem(l, rt.Int(i)), "n"))));
            Assert.True(rt.In(l, Make(rt, cls, 2)));
            Assert.Equal(2, rt.ToInt64(rt.CallMethod(l, "index", Make(rt, cls, 3))));
            Assert.Equal(1, rt.ToInt64(rt.CallMethod(l, "count", Make(rt, cls, 1))));
        });
    }

    [Theory]
    [InlineData("py27", "9 __eq__ 1")]
    [InlineData("py312", "1 __eq__ 9")]
    public void In_compares_in_the_order_of_the_profile(string profile, string firstCall)
    {
        // python2.7 / python3.12 (bpo-37648): N(9) in [N(1)] — 2.7 calls probe.__eq__(element), 3.12 element.__eq__(probe)
        Leaks.Check(profile, rt =>
        {
            var log = new List<string>();
            var cls = Numbered(rt, log);
            Assert.False(rt.In(rt.List(Make(rt, cls, 1)), Make(rt, cls, 9)));
            Assert.Equal(firstCall, log[0]);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Dict_and_set_use_the_classs_hash_and_equality(string profile)
    {
        // python: d = {N(4): 'x'}; d[N(4)] → 'x' (equal and same hash); s = set([N(1), N(1)]); len(s) → 1
        Leaks.Check(profile, rt =>
        {
            var cls = Numbered(rt);
            var d = rt.Dict();
            rt.SetItem(d, Make(rt, cls, 4), rt.Str("x"));
            Assert.Equal("'x'", rt.Repr(rt.GetItem(d, Make(rt, cls, 4))));
            var s = rt.Set();
            rt.CallMethod(s, "add", Make(rt, cls, 1));
            rt.CallMethod(s, "add", Make(rt, cls, 1));
            Assert.Equal(1, rt.Length(s));
        });
    }

    [Theory]
    [InlineData("py27", "hashable")]
    [InlineData("py312", "TypeError: unhashable type: 'E'")]
    public void A_class_with_eq_and_no_hash_is_unhashable_in_Python3(string profile, string expected)
    {
        // python2.7: class E(object): def __eq__(self, o): return True → hash(E()) works
        // python3.12: the same → TypeError: unhashable type: 'E'
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("E", new Dictionary<string, Handle> { ["__eq__"] = rt.Method("__eq__", (self, a) => rt.Bool(true)) });
            var e = rt.Call(cls);
            var outcome = profile == "py27" ? (rt.Heap.Hash(e.Ref().Ptr) != -1 ? "hashable" : "unhashable") : IterationKit.Error(() => rt.CallMethod(rt.Set(), "add", e));
            Assert.Equal(expected, outcome);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Truth_follows_the_classs_len(string profile)
    {
        // python: class N(object): def __len__(self): return self.n; bool(N(0)) → False; bool(N(2)) → True
        Leaks.Check(profile, rt =>
        {
            var cls = Numbered(rt);
            Assert.Equal(0, rt.Heap.IsTrue(Make(rt, cls, 0).Ref().Ptr));
            Assert.Equal(1, rt.Heap.IsTrue(Make(rt, cls, 2).Ref().Ptr));
        });
    }

    [Theory]
    // python2.7 / python3.12: class A(object): __eq__ and __lt__ print their class and return NotImplemented;
    //   class B(object): __eq__ likewise. A() == B(); A() < B() (3.12: TypeError); A() in [B()]
    [InlineData("py27", "A.__eq__ B.__eq__ B.__eq__ A.__eq__", "A.__lt__ A.__lt__", "A.__eq__ B.__eq__ B.__eq__ A.__eq__")]
    [InlineData("py312", "A.__eq__ B.__eq__", "A.__lt__", "B.__eq__ A.__eq__")]
    public void Comparison_methods_that_return_NotImplemented_run_in_CPythons_order(string profile, string eq, string lt, string contains)
    {
        Leaks.Check(profile, rt =>
        {
            var log = new List<string>();
            Handle Logging(string name) => rt.Method(name, (self, _) =>
            {
                log.Add($"{self.TypeName()}.{name}");
                return rt.Own(rt.Heap.NotImplemented);
            });
            var a = rt.Call(rt.DefineClass("A", new Dictionary<string, Handle> { ["__eq__"] = Logging("__eq__"), ["__lt__"] = Logging("__lt__") }));
            var b = rt.Call(rt.DefineClass("B", new Dictionary<string, Handle> { ["__eq__"] = Logging("__eq__") }));
            var r = rt.Heap.RichCompare(a.Ref().Ptr, b.Ref().Ptr, Refheap.Objects.CompareOp.Eq);
            Assert.Equal("False", rt.Repr(rt.Own(r)));
            Assert.Equal(eq, string.Join(" ", log));
            log.Clear();
            r = rt.Heap.RichCompare(a.Ref().Ptr, b.Ref().Ptr, Refheap.Objects.CompareOp.Lt);
            if (r.IsNull)
            {
                var e = rt.Heap.TakeErrorAsException();
                Assert.Equal("TypeError: '<' not supported between instances of 'A' and 'B'", $"{e.TypeName}: {e.PythonMessage}");
            }
            else
            {
                r.DecRef();
            }

            Assert.Equal(lt, string.Join(" ", log));
            log.Clear();
            Assert.False(rt.In(rt.List(b), a));
            Assert.Equal(contains, string.Join(" ", log));
        });
    }
}
