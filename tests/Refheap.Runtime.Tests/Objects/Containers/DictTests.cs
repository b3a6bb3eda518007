using Refheap.Gc;
using Refheap.Objects;
using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Tuple;

namespace Refheap.RuntimeTests.Objects.Containers;

/// <summary>The dict API: items, errors, reference counts, tracking, sizes and reprs, per profile.</summary>
public sealed unsafe class DictTests
{
    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ManyIntKeysSurviveResizesAndDeletions(string profile)
    {
        using var h = new ContainerHeap(profile);
        var d = h.Dict();
        const int n = 20000;
        for (var i = 0; i < n; i++)
        {
            var k = h.Heap.NewInt(i * 7);
            var v = h.Heap.NewInt(i);
            Assert.Equal(0, h.Dicts.SetItem(d.Ptr, k.Ptr, v.Ptr));
            k.DecRef();
            v.DecRef();
        }

        Assert.Equal(n, h.Dicts.Count(d.Ptr));
        for (var i = 0; i < n; i += 2)
        {
            var k = h.Heap.NewInt(i * 7);
            Assert.Equal(0, h.Dicts.DelItem(d.Ptr, k.Ptr));
            k.DecRef();
        }

        Assert.Equal(n / 2, h.Dicts.Count(d.Ptr));
        for (var i = 0; i < n; i++)
        {
            var k = h.Heap.NewInt(i * 7);
            var v = h.Dicts.GetItem(d.Ptr, k.Ptr);
            k.DecRef();
            Assert.False(h.Heap.ErrorOccurred);
            if (i % 2 == 0)
            {
                Assert.True(v == null);
            }
            else
            {
                Assert.True(h.Heap.TryAsLong(v, out var value));
                Assert.Equal(i, value);
            }
        }

        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void StrKeysAreFoundByTextAndByEqualStr(string profile)
    {
        using var h = new ContainerHeap(profile, heap => heap.InternString("interned"));
        var d = h.Dict();
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Str($"key{i}").Ptr, h.Int(i).Ptr));
        }

        Assert.Equal(0, h.Dicts.SetItemString(d.Ptr, "interned", h.Int(-1).Ptr));
        Assert.Equal(1001, h.Dicts.Count(d.Ptr));
        for (var i = 0; i < 1000; i++)
        {
            var byText = h.Dicts.GetItemString(d.Ptr, $"key{i}");
            var byStr = h.Dicts.GetItem(d.Ptr, h.Str($"key{i}").Ptr);
            Assert.True(byText != null && byText == byStr);
        }

        Assert.True(h.Dicts.GetItemString(d.Ptr, "interned") != null);
        Assert.True(h.Dicts.GetItemString(d.Ptr, "missing") == null);
        Assert.False(h.Heap.ErrorOccurred);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void MissingKeyRaisesKeyErrorWithTheKey(string profile)
    {
        // python -c 'd = {1: 2}; del d[3]' / 'd[3]' → KeyError: 3 (both versions)
        using var h = new ContainerHeap(profile);
        var d = h.Dict();
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Int(1).Ptr, h.Int(2).Ptr));
        Assert.Equal(-1, h.Dicts.DelItem(d.Ptr, h.Int(3).Ptr));
        Assert.Equal("KeyError: 3", h.TakeError());
        Assert.True(h.Heap.GetItem(d.Ptr, h.Int(3).Ptr).IsNull);
        Assert.Equal("KeyError: 3", h.TakeError());
        var x = h.Str("x");
        Assert.Equal(-1, h.Heap.DelItem(d.Ptr, x.Ptr));
        Assert.True(h.Heap.ErrorMatches(h.Heap.Types.Exceptions.KeyError));
        var e = h.Own(h.Heap.FetchError());
        var args = ExceptionType.ArgsOf(e.Ptr);
        Assert.Equal(1, TupleType.Size(args));
        Assert.True(TupleType.Item(args, 0) == x.Ptr);
        Assert.True(h.Dicts.GetItem(d.Ptr, h.Int(3).Ptr) == null);
        Assert.False(h.Heap.ErrorOccurred);
        var found = h.Own(h.Heap.GetItem(d.Ptr, h.Int(1).Ptr));
        Assert.Equal("2", h.Repr(found));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void UnhashableKeysAndDictsRaiseTypeError(string profile)
    {
        // python -c '{}[[1]]' → TypeError: unhashable type: 'list'; 'hash({})' → TypeError: unhashable type: 'dict'
        using var h = new ContainerHeap(profile);
        var d = h.Dict();
        var list = h.List(h.Int(1));
        Assert.Equal(-1, h.Dicts.SetItem(d.Ptr, list.Ptr, h.Int(1).Ptr));
        Assert.Equal("TypeError: unhashable type: 'list'", h.TakeError());
        Assert.Equal(1, list.RefCount);
        Assert.True(h.Dicts.GetItem(d.Ptr, list.Ptr) == null);
        Assert.Equal("TypeError: unhashable type: 'list'", h.TakeError());
        Assert.Equal(-1, h.Dicts.SetItem(d.Ptr, h.Dict().Ptr, h.Int(1).Ptr));
        Assert.Equal("TypeError: unhashable type: 'dict'", h.TakeError());
        Assert.Equal(-1, h.Heap.Hash(d.Ptr));
        Assert.Equal("TypeError: unhashable type: 'dict'", h.TakeError());
        Assert.Equal(0, h.Dicts.Count(d.Ptr));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void KeysAndValuesAreOwnedAndReleasedWhenTheDictDies(string profile)
    {
        using var h = new ContainerHeap(profile);
        var key = h.Str("some key");
        var value = h.List();
        var other = h.Int(123456789);
        var d = h.Check(h.Dicts.New());
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, key.Ptr, value.Ptr));
        Assert.Equal(2, key.RefCount);
        Assert.Equal(2, value.RefCount);

        // Replacing the value releases the old one; the stored key is kept.
        var key2 = h.Str("some key");
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, key2.Ptr, other.Ptr));
        Assert.Equal(1, value.RefCount);
        Assert.Equal(2, other.RefCount);
        Assert.Equal(2, key.RefCount);
        Assert.Equal(1, key2.RefCount);

        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, other.Ptr, value.Ptr));
        Assert.True(h.Dicts.GetItem(d.Ptr, other.Ptr) == value.Ptr);
        Assert.Equal(3, other.RefCount);
        var copy = h.Check(h.Dicts.Copy(d.Ptr));
        Assert.Equal(5, other.RefCount);
        Assert.Equal(3, key.RefCount);
        copy.DecRef();
        Assert.Equal(0, h.Dicts.DelItem(d.Ptr, other.Ptr));
        Assert.Equal(2, other.RefCount);
        Assert.Equal(1, value.RefCount);
        d.DecRef();
        Assert.Equal(1, key.RefCount);
        Assert.Equal(1, value.RefCount);
        Assert.Equal(1, other.RefCount);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ClearEmptiesAndReleases(string profile)
    {
        using var h = new ContainerHeap(profile);
        var d = h.Dict();
        var values = Enumerable.Range(0, 50).Select(i => h.List()).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Int(i).Ptr, values[i].Ptr));
        }

        h.Dicts.ClearContents(d.Ptr);
        Assert.Equal(0, h.Dicts.Count(d.Ptr));
        Assert.All(values, v => Assert.Equal(1, v.RefCount));
        Assert.Equal("{}", h.Repr(d));
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Int(7).Ptr, values[0].Ptr));
        Assert.Equal("{7: []}", h.Repr(d));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void NewDictIsUntrackedUntilItHoldsSomethingTrackable(string profile)
    {
        using var h = new ContainerHeap(profile);
        var d = h.Dict();
        Assert.False(Collector.IsTracked(d.Ptr));
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Int(1).Ptr, h.Str("atomic").Ptr));
        Assert.False(Collector.IsTracked(d.Ptr));
        Assert.True(h.Dicts.CanUntrack(d.Ptr));

        // An untracked tuple counts as atomic; an untracked dict does not (it may be tracked
        // later): python -c 'import gc; d = {}; d[1] = {}; print(gc.is_tracked(d))' → True (both).
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Int(2).Ptr, h.Heap.Types.Tuple.Empty));
        Assert.False(Collector.IsTracked(d.Ptr));
        var inner = h.Dict();
        Assert.False(Collector.IsTracked(inner.Ptr));
        Assert.Equal(0, h.Dicts.SetItem(inner.Ptr, h.Int(2).Ptr, h.Dict().Ptr));
        Assert.True(Collector.IsTracked(inner.Ptr));
        Assert.False(h.Dicts.CanUntrack(inner.Ptr));

        var list = h.List();
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Int(3).Ptr, list.Ptr));
        Assert.True(Collector.IsTracked(d.Ptr));
        Assert.False(h.Dicts.CanUntrack(d.Ptr));
        var copy = h.Own(h.Dicts.Copy(d.Ptr));
        Assert.True(Collector.IsTracked(copy.Ptr));

        Assert.Equal(0, h.Dicts.DelItem(d.Ptr, h.Int(3).Ptr));
        Assert.True(h.Dicts.CanUntrack(d.Ptr));

        // A tracked tuple key counts as trackable.
        var tupleKey = h.Tuple(h.Own(h.FrozenSets.New(null)));
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, tupleKey.Ptr, h.Int(4).Ptr));
        Assert.False(h.Dicts.CanUntrack(d.Ptr));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void FullCollectionUntracksAtomicDictsAndFreesDictCycles(string profile)
    {
        using var h = new ContainerHeap(profile);
        var d = h.Dict();
        var list = h.List();
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Int(1).Ptr, list.Ptr));
        Assert.Equal(0, h.Dicts.DelItem(d.Ptr, h.Int(1).Ptr));
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Int(2).Ptr, h.Int(3).Ptr));
        Assert.True(Collector.IsTracked(d.Ptr));
        h.Heap.Gc.CollectGeneration(2);
        Assert.False(Collector.IsTracked(d.Ptr));

        // d2 = {}; d2['self'] = d2; gc.is_tracked(d2) → True (both); del d2 → only the collector frees it.
        var d2 = h.Check(h.Dicts.New());
        Assert.Equal(0, h.Dicts.SetItem(d2.Ptr, h.Str("self").Ptr, d2.Ptr));
        Assert.True(Collector.IsTracked(d2.Ptr));
        Assert.Equal("{'self': {...}}", h.Repr(d2));
        d2.DecRef();
        Assert.True(h.Heap.Gc.CollectGeneration(2) >= 1);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", new long[] { 248, 248, 248, 1016, 12536, 49400 }, new long[] { 248, 248, 248, 1016, 12536, 49400 }, 248, 6392)]
    [InlineData("py312", new long[] { 48, 208, 208, 336, 4672, 36936 }, new long[] { 48, 168, 168, 256, 3312, 26016 }, 336, 4672)]
    public void SizeOfCountsTheTableAsCpython(string profile, long[] ints, long[] strs, long strsThenInt, long copyOf100)
    {
        // sys.getsizeof, minus the GC header (2.7: 32 bytes, 3.12: 16), of dicts filled by
        // "d = {}; for k in range(n): d[k] = k" (and 'k%d' % k) for n in 0, 1, 5, 6, 100, 1000:
        //   2.7.18: [280, 280, 280, 1048, 12568, 49432] (both)
        //   3.12.1: ints [64, 224, 224, 352, 4688, 36952], strs [64, 184, 184, 272, 3328, 26032]
        // Three str keys then an int key: 280 / 352. A copy of the 100-int dict: 6424 / 4688.
        using var h = new ContainerHeap(profile);
        int[] sizes = [0, 1, 5, 6, 100, 1000];
        for (var i = 0; i < sizes.Length; i++)
        {
            var di = h.Own(h.Run("dict", sizes[i] == 0 ? "clear" : $"s:0:{sizes[i]}:1"));
            Assert.Equal((nuint)ints[i], h.Dicts.SizeOf(di.Ptr));
            var ds = h.Own(h.Run("dict", sizes[i] == 0 ? "clear" : $"s:'k':0:{sizes[i]}"));
            Assert.Equal((nuint)strs[i], h.Dicts.SizeOf(ds.Ptr));
        }

        var mixed = h.Own(h.Run("dict", "s:'k':0:3 s:1"));
        Assert.Equal((nuint)strsThenInt, h.Dicts.SizeOf(mixed.Ptr));
        var copy = h.Own(h.Dicts.Copy(h.Own(h.Run("dict", "s:0:100:1")).Ptr));
        Assert.Equal((nuint)copyOf100, h.Dicts.SizeOf(copy.Ptr));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ReprsAsCpython(string profile)
    {
        // print({}), print({'a': 1, 2: [3]}), d = {}; d[1] = d; print(d) → {} / {'a': 1, 2: [3]} / {1: {...}}
        using var h = new ContainerHeap(profile);
        var d = h.Dict();
        Assert.Equal("{}", h.Repr(d));
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Str("a").Ptr, h.Int(1).Ptr));
        Assert.Equal(0, h.Dicts.SetItem(d.Ptr, h.Int(2).Ptr, h.List(h.Int(3)).Ptr));
        Assert.Equal("{'a': 1, 2: [3]}", h.Repr(d));
        var r = h.Dict();
        Assert.Equal(0, h.Dicts.SetItem(r.Ptr, h.Int(1).Ptr, r.Ptr));
        Assert.Equal("{1: {...}}", h.Repr(r));
        h.Dicts.ClearContents(r.Ptr);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void EqualityComparesContents(string profile)
    {
        using var h = new ContainerHeap(profile);
        var a = h.Own(h.Run("dict", "s:1 s:2 s:'x' s:300"));
        var b = h.Own(h.Run("dict", "s:300 s:'x' s:2 s:1"));
        var c = h.Own(h.Run("dict", "s:300 s:'x' s:2 s:3"));
        Assert.Equal(1, h.Heap.RichCompareBool(a.Ptr, b.Ptr, CompareOp.Eq));
        Assert.Equal(0, h.Heap.RichCompareBool(a.Ptr, c.Ptr, CompareOp.Eq));
        Assert.Equal(1, h.Heap.RichCompareBool(a.Ptr, c.Ptr, CompareOp.Ne));
        Assert.Equal(0, h.Heap.RichCompareBool(a.Ptr, h.Int(1).Ptr, CompareOp.Eq));
        var lt = h.Dicts.RichCompare(a.Ptr, b.Ptr, CompareOp.Lt);
        Assert.True(lt.Ptr == h.Heap.Types.NotImplemented.Singleton);
        lt.DecRef();
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", "{'a': 3, 1: 2}")]
    [InlineData("py312", "{1: 2, 'a': 3}")]
    public void ConstructFromPairsAndKeywords(string profile, string expected)
    {
        // python -c 'print(dict([(1, 2)], a=3))' → 2.7.18: {'a': 3, 1: 2}   3.12.1: {1: 2, 'a': 3}
        using var h = new ContainerHeap(profile, heap => heap.InternString("a"));
        var kwargs = h.Dict();
        Assert.Equal(0, h.Dicts.SetItemString(kwargs.Ptr, "a", h.Int(3).Ptr));
        var args = h.Tuple(h.List(h.Tuple(h.Int(1), h.Int(2))));
        var d = h.Own(h.Dicts.Construct(args.Ptr, kwargs.Ptr));
        Assert.Equal(expected, h.Repr(d));

        // dict(5) / dict([5]) / dict([(1, 2, 3)]) / dict(1, 2)
        Assert.True(h.Dicts.Construct(h.Tuple(h.Int(5)).Ptr, null).IsNull);
        Assert.Equal("TypeError: 'int' object is not iterable", h.TakeError());
        Assert.True(h.Dicts.Construct(h.Tuple(h.List(h.Int(5))).Ptr, null).IsNull);
        Assert.Equal("TypeError: cannot convert dictionary update sequence element #0 to a sequence", h.TakeError());
        Assert.True(h.Dicts.Construct(h.Tuple(h.List(h.Tuple(h.Int(1), h.Int(2), h.Int(3)))).Ptr, null).IsNull);
        Assert.Equal("ValueError: dictionary update sequence element #0 has length 3; 2 is required", h.TakeError());
        Assert.True(h.Dicts.Construct(h.Tuple(h.Int(1), h.Int(2)).Ptr, null).IsNull);
        Assert.Equal(
            profile == "py27" ? "TypeError: dict expected at most 1 arguments, got 2" : "TypeError: dict expected at most 1 argument, got 2",
            h.TakeError());
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void FreedDictsAreReusedFromTheFreeList(string profile)
    {
        using var h = new ContainerHeap(profile);
        var a = h.Check(h.Dicts.New());
        Assert.Equal(0, h.Dicts.SetItem(a.Ptr, h.Int(1).Ptr, h.List().Ptr));
        var address = a.Address;
        a.DecRef();
        var b = h.Check(h.Dicts.New());
        Assert.Equal(address, b.Address);
        Assert.Equal(0, h.Dicts.Count(b.Ptr));
        Assert.False(Collector.IsTracked(b.Ptr));
        Assert.Equal("{}", h.Repr(b));
        b.DecRef();

        var many = Enumerable.Range(0, 100).Select(_ => h.Check(h.Dicts.New())).ToList();
        many.ForEach(d => d.DecRef());
        Assert.Equal(80, h.Heap.FreeLists.All.Single(l => l.Name == "dict").Count);
        h.AssertBackToStart();
    }

    [Fact]
    public void Py27DictWithItsInlineTableIsASmallBlockFromThePools()
    {
        // The debug allocator pads every block, which would push this one past the limit.
        using var heap = new Heap(Profile.FromName("py27"), new RuntimeOptions { DebugAllocator = false });
        var largeBefore = heap.Allocator.GetStats().LargeBlocks;
        var bytesBefore = heap.Allocator.BytesInUse;
        var d = heap.Types.Dict.New();
        for (var i = 0; i < 5; i++)
        {
            var k = heap.NewInt(i);
            Assert.Equal(0, heap.Types.Dict.SetItem(d.Ptr, k.Ptr, k.Ptr));
            k.DecRef();
        }

        // 240 bytes and the 16-byte GC header: exactly the 256-byte small-request limit.
        Assert.Equal(largeBefore, heap.Allocator.GetStats().LargeBlocks);
        Assert.Equal(256, heap.Allocator.BytesInUse - bytesBefore);
        Assert.Equal(248u, (uint)heap.Types.Dict.SizeOf(d.Ptr)); // sys.getsizeof's figure without the GC header: 2.7's
        d.DecRef();
        Assert.Equal(bytesBefore, heap.Allocator.BytesInUse - 256); // back on the dict free list
    }

    [Fact]
    public void Py312KeepsMinimalStrTablesOnTheirOwnFreeList()
    {
        using var h = new ContainerHeap("py312");
        var keysList = h.Heap.FreeLists.All.Single(l => l.Name == "dict keys");
        var d = h.Own(h.Run("dict", "s:'a' s:'b'"));
        h.Dicts.ClearContents(d.Ptr);
        Assert.Equal(1, keysList.Count);
        var ints = h.Own(h.Run("dict", "s:1"));
        h.Dicts.ClearContents(ints.Ptr);
        Assert.Equal(1, keysList.Count);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", "{3: 3, 100: 100, 5: 5, 7: 7, 1000: 1000, 29: 29, 13: 13, 21: 21}", 632)]
    [InlineData("py312", "{5: 5, 3: 3, 100: 100, 7: 7, 1000: 1000, 13: 13, 21: 21, 29: 29}", 336)]
    public void PresizedDictIsBuiltAsADictDisplay(string profile, string expected, long size)
    {
        // python -c 'import sys; d = {5: 5, 3: 3, 100: 100, 7: 7, 1000: 1000, 13: 13, 21: 21, 29: 29}; print(d); print(sys.getsizeof(d))'
        //   2.7.18 → {3: 3, 100: 100, 5: 5, 7: 7, 1000: 1000, 29: 29, 13: 13, 21: 21} / 664 (32-byte GC header)
        //   3.12.1 → insertion order / 352 (16-byte GC header)
        // (inserted one by one, 2.7 prints ..., 13: 13, 21: 21, 29: 29}: the display presizes its table)
        using var h = new ContainerHeap(profile);
        var d = h.Own(h.Dicts.NewPresized(8));
        foreach (var k in new long[] { 5, 3, 100, 7, 1000, 13, 21, 29 })
        {
            var key = h.Int(k);
            Assert.Equal(0, h.Dicts.SetItem(d.Ptr, key.Ptr, key.Ptr));
        }

        Assert.Equal(expected, h.Repr(d));
        Assert.Equal((nuint)size, h.Dicts.SizeOf(d.Ptr));
        h.AssertBackToStart();
    }
}
