using Refheap.Gc;
using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Containers;

/// <summary>set and frozenset: items, errors, hashes, comparisons, reprs and sizes, per profile.</summary>
public sealed unsafe class SetTests
{
    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ManyKeysSurviveResizesAndDiscards(string profile)
    {
        using var h = new ContainerHeap(profile);
        var s = h.Own(h.Sets.New(null));
        const int n = 20000;
        for (var i = 0; i < n; i++)
        {
            var k = h.Heap.NewInt(i * 13);
            Assert.Equal(0, h.Sets.Add(s.Ptr, k.Ptr));
            Assert.Equal(0, h.Sets.Add(s.Ptr, k.Ptr));
            k.DecRef();
        }

        Assert.Equal(n, h.Sets.Count(s.Ptr));
        for (var i = 0; i < n; i += 3)
        {
            var k = h.Heap.NewInt(i * 13);
            Assert.Equal(1, h.Sets.Discard(s.Ptr, k.Ptr));
            Assert.Equal(0, h.Sets.Discard(s.Ptr, k.Ptr));
            k.DecRef();
        }

        for (var i = 0; i < n; i++)
        {
            var k = h.Heap.NewInt(i * 13);
            Assert.Equal(i % 3 == 0 ? 0 : 1, h.Sets.Contains(s.Ptr, k.Ptr));
            k.DecRef();
        }

        nint pos = 0;
        var seen = 0;
        while (h.Sets.Next(s.Ptr, ref pos, out _))
        {
            seen++;
        }

        Assert.Equal(h.Sets.Count(s.Ptr), seen);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", "set([1, 2, 3])", "frozenset([1, 2])", "set([])", "frozenset([])")]
    [InlineData("py312", "{1, 2, 3}", "frozenset({1, 2})", "set()", "frozenset()")]
    public void ReprsAsCpython(string profile, string set, string frozen, string emptySet, string emptyFrozen)
    {
        // print(repr(set([1, 2, 3]))), frozenset([1, 2]), set(), frozenset()
        using var h = new ContainerHeap(profile);
        var items = h.List(h.Int(1), h.Int(2), h.Int(3));
        Assert.Equal(set, h.Repr(h.Own(h.Sets.New(items.Ptr))));
        Assert.Equal(frozen, h.Repr(h.Own(h.FrozenSets.New(h.Tuple(h.Int(1), h.Int(2)).Ptr))));
        Assert.Equal(emptySet, h.Repr(h.Own(h.Sets.New(null))));
        Assert.Equal(emptyFrozen, h.Repr(h.Own(h.FrozenSets.New(null))));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", -7699079583225461316, 133156838395276)]
    [InlineData("py312", -272375401224217160, 133146708735736)]
    public void FrozenSetHashIsCpythons(string profile, long of123, long ofEmpty)
    {
        // python -c 'print(hash(frozenset([1, 2, 3])), hash(frozenset()))'
        //   2.7.18 → -7699079583225461316 133156838395276    3.12.1 → -272375401224217160 133146708735736
        using var h = new ContainerHeap(profile);
        var f = h.Own(h.FrozenSets.New(h.List(h.Int(1), h.Int(2), h.Int(3)).Ptr));
        Assert.Equal(of123, h.Heap.Hash(f.Ptr));
        Assert.Equal(of123, h.Heap.Hash(f.Ptr));
        Assert.Equal(ofEmpty, h.Heap.Hash(h.Own(h.FrozenSets.New(null)).Ptr));
        var s = h.Own(h.Sets.New(null));
        Assert.Equal(-1, h.Heap.Hash(s.Ptr));
        Assert.Equal("TypeError: unhashable type: 'set'", h.TakeError());

        // A frozenset is a valid key; a set is not.
        var d = h.Dict();
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, f.Ptr, h.Int(1).Ptr));
        Assert.Equal(-1, h.Sets.Add(s.Ptr, s.Ptr));
        Assert.Equal("TypeError: unhashable type: 'set'", h.TakeError());
        Assert.Equal(-1, h.Sets.Add(s.Ptr, h.List().Ptr));
        Assert.Equal("TypeError: unhashable type: 'list'", h.TakeError());
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ComparisonsAreSubsetTests(string profile)
    {
        // s = set([1, 2, 3]); s2 = set([1, 2]):
        // s2 <= s, s2 < s, s >= s2, s > s2, s == s2, s != s2, s2 == set([2, 1]), s < s
        //   → True True True True False True True False (both); set([1,2,3]) == frozenset([3,2,1]) → True
        using var h = new ContainerHeap(profile);
        var s = h.Own(h.Sets.New(h.List(h.Int(1), h.Int(2), h.Int(3)).Ptr));
        var s2 = h.Own(h.Sets.New(h.List(h.Int(1), h.Int(2)).Ptr));
        var s3 = h.Own(h.Sets.New(h.List(h.Int(2), h.Int(1)).Ptr));
        var f = h.Own(h.FrozenSets.New(h.List(h.Int(3), h.Int(2), h.Int(1)).Ptr));
        Assert.Equal(1, h.Heap.RichCompareBool(s2.Ptr, s.Ptr, CompareOp.Le));
        Assert.Equal(1, h.Heap.RichCompareBool(s2.Ptr, s.Ptr, CompareOp.Lt));
        Assert.Equal(1, h.Heap.RichCompareBool(s.Ptr, s2.Ptr, CompareOp.Ge));
        Assert.Equal(1, h.Heap.RichCompareBool(s.Ptr, s2.Ptr, CompareOp.Gt));
        Assert.Equal(0, h.Heap.RichCompareBool(s.Ptr, s2.Ptr, CompareOp.Eq));
        Assert.Equal(1, h.Heap.RichCompareBool(s.Ptr, s2.Ptr, CompareOp.Ne));
        Assert.Equal(1, h.Heap.RichCompareBool(s2.Ptr, s3.Ptr, CompareOp.Eq));
        Assert.Equal(0, h.Heap.RichCompareBool(s.Ptr, h.Own(h.Sets.New(s.Ptr)).Ptr, CompareOp.Lt));
        Assert.Equal(1, h.Heap.RichCompareBool(s.Ptr, f.Ptr, CompareOp.Eq));
        Assert.Equal(0, h.Heap.RichCompareBool(s.Ptr, h.Int(1).Ptr, CompareOp.Eq));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void SetsAreTrackedAndReleaseTheirKeys(string profile)
    {
        using var h = new ContainerHeap(profile);
        var key = h.Str("k");
        var s = h.Check(h.Sets.New(null));
        var f = h.Check(h.FrozenSets.New(null));
        Assert.True(Collector.IsTracked(s.Ptr));
        Assert.True(Collector.IsTracked(f.Ptr));
        Assert.Equal(0, h.Sets.Add(s.Ptr, key.Ptr));
        Assert.Equal(0, h.Sets.Add(s.Ptr, h.Str("k").Ptr));
        Assert.Equal(2, key.RefCount);
        Assert.Equal(1, h.Sets.Count(s.Ptr));
        var copy = h.Check(h.Sets.New(s.Ptr));
        Assert.Equal(3, key.RefCount);
        copy.DecRef();
        s.DecRef();
        f.DecRef();
        Assert.Equal(1, key.RefCount);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", new long[] { 200, 200, 200, 200, 712, 8392, 32968 })]
    [InlineData("py312", new long[] { 200, 200, 200, 712, 712, 8392, 32968 })]
    public void SizeOfCountsTheTableAsCpython(string profile, long[] expected)
    {
        // sys.getsizeof of "s = set(); for k in range(n): s.add(k)" for n in 0, 1, 4, 5, 6, 100, 1000,
        // minus the GC header (2.7: 32, 3.12: 16):
        //   2.7.18: [232, 232, 232, 232, 744, 8424, 33000]   3.12.1: [216, 216, 216, 728, 728, 8408, 32984]
        using var h = new ContainerHeap(profile);
        int[] sizes = [0, 1, 4, 5, 6, 100, 1000];
        for (var i = 0; i < sizes.Length; i++)
        {
            var s = h.Own(h.Run("set", sizes[i] == 0 ? "clear" : $"s:0:{sizes[i]}:1"));
            Assert.Equal((nuint)expected[i], h.Sets.SizeOf(s.Ptr));
        }

        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ConstructChecksArgumentsAndFrozenSetIsIdempotent(string profile)
    {
        // set([1], [2]) / set(a=1) / set(5) / frozenset() is frozenset() / frozenset(f) is f
        //   2.7.18: "set expected at most 1 arguments, got 2", "set() does not take keyword arguments", True
        //   3.12.1: "set expected at most 1 argument, got 2", "set() takes no keyword arguments", False
        var py27 = profile == "py27";
        using var h = new ContainerHeap(profile, heap =>
        {
            heap.InternString("a");
            var empty = heap.NewTuple();
            heap.Types.FrozenSet.Construct(empty.Ptr, null).DecRef();
            empty.DecRef();
        });
        Assert.True(h.Sets.Construct(h.Tuple(h.List(), h.List()).Ptr, null).IsNull);
        Assert.Equal(py27 ? "TypeError: set expected at most 1 arguments, got 2" : "TypeError: set expected at most 1 argument, got 2", h.TakeError());
        var kwargs = h.Dict();
        Assert.Equal(0, h.Dicts.SetItemString(kwargs.Ptr, "a", h.Int(1).Ptr));
        Assert.True(h.Sets.Construct(h.Tuple().Ptr, kwargs.Ptr).IsNull);
        Assert.Equal(py27 ? "TypeError: set() does not take keyword arguments" : "TypeError: set() takes no keyword arguments", h.TakeError());
        Assert.True(h.Sets.Construct(h.Tuple(h.Int(5)).Ptr, null).IsNull);
        Assert.Equal("TypeError: 'int' object is not iterable", h.TakeError());

        var f = h.Own(h.FrozenSets.Construct(h.Tuple(h.List(h.Int(1))).Ptr, null));
        var again = h.Own(h.FrozenSets.Construct(h.Tuple(f).Ptr, null));
        Assert.Equal(f, again);
        var e1 = h.Own(h.FrozenSets.Construct(h.Tuple().Ptr, null));
        var e2 = h.Own(h.FrozenSets.Construct(h.Tuple(h.List()).Ptr, null));
        Assert.Equal(py27, e1 == e2);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", "set([1000, 3, 100, 5, 7])")]
    [InlineData("py312", "{3, 100, 5, 7, 1000}")]
    public void SetOfADictTakesItsKeys(string profile, string expected)
    {
        // d = {}; d[5] = 0; d[3] = 0; d[100] = 0; d[7] = 0; d[1000] = 0; print(set(d))
        //   2.7.18 → set([1000, 3, 100, 5, 7])    3.12.1 → {3, 100, 5, 7, 1000}
        using var h = new ContainerHeap(profile);
        var d = h.Own(h.Run("dict", "s:5 s:3 s:100 s:7 s:1000"));
        Assert.Equal(expected, h.Repr(h.Own(h.Sets.New(d.Ptr))));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void SetCyclesAreCollected(string profile)
    {
        // s = set(); class C(object): pass; C.s = s; s.add(C); del s, C → only the collector frees them.
        using var h = new ContainerHeap(profile, heap =>
        {
            MakeCycle(heap);
            heap.Gc.CollectGeneration(2);
        });
        MakeCycle(h.Heap);
        Assert.True(h.Heap.Gc.CollectGeneration(2) >= 3);
        h.AssertBackToStart();
    }

    private static void MakeCycle(Heap heap)
    {
        var s = heap.NewSet();
        var ns = heap.NewDict();
        Assert.Equal(0, heap.Types.Dict.SetItemString(ns.Ptr, "s", s.Ptr));
        var cls = heap.NewClass("C", [], ns.Ptr, "m");
        Assert.False(cls.IsNull);
        ns.DecRef();
        Assert.Equal(0, heap.Types.Set.Add(s.Ptr, cls.Ptr));
        cls.DecRef();
        s.DecRef();
    }
}
