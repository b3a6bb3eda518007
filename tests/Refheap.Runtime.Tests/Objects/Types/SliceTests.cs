using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Types;

/// <summary>slice objects and slicing: the indices CPython selects, errors, and what list slice assignment releases.</summary>
public sealed unsafe class SliceTests
{
    /// <summary>Cases drawn at random; the expected indices are CPython 3.12's <c>list(range(n))[a:b:c]</c>.</summary>
    [Theory]
    [InlineData(5, 0, 9, 1, new int[] { 0, 1, 2, 3, 4 })]
    [InlineData(1, -9, 0, -1, new int[] {  })]
    [InlineData(1, 1, -1, -3, new int[] {  })]
    [InlineData(7, -5, -9, -3, new int[] { 2 })]
    [InlineData(7, -5, -5, null, new int[] {  })]
    [InlineData(0, -2, -2, -3, new int[] {  })]
    [InlineData(5, 0, -2, 1, new int[] { 0, 1, 2 })]
    [InlineData(5, 1, -5, -3, new int[] { 1 })]
    [InlineData(5, -9, 0, -2, new int[] {  })]
    [InlineData(7, 0, 1, 1, new int[] { 0 })]
    [InlineData(1, -9, -2, 3, new int[] {  })]
    [InlineData(7, -9, 5, 2, new int[] { 0, 2, 4 })]
    [InlineData(5, -1, null, -1, new int[] { 4, 3, 2, 1, 0 })]
    [InlineData(5, 9, 0, -2, new int[] { 4, 2 })]
    [InlineData(7, null, -2, 2, new int[] { 0, 2, 4 })]
    [InlineData(1, -9, 1, 3, new int[] { 0 })]
    [InlineData(5, 2, -1, 3, new int[] { 2 })]
    [InlineData(5, 0, -1, 2, new int[] { 0, 2 })]
    [InlineData(5, null, -2, -3, new int[] { 4 })]
    [InlineData(1, 9, null, -1, new int[] { 0 })]
    [InlineData(7, 0, 1, 2, new int[] { 0 })]
    [InlineData(5, null, 0, -1, new int[] { 4, 3, 2, 1 })]
    [InlineData(5, 1, -9, 2, new int[] {  })]
    [InlineData(5, null, 4, 1, new int[] { 0, 1, 2, 3 })]
    public void SliceSelectsTheIndicesCpythonSelects(int length, int? start, int? stop, int? step, int[] expected)
    {
        foreach (var profile in new[] { "py27", "py312" })
        {
            using var heap = new Heap(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true });
            var parts = new[] { start, stop, step }.Select(v => v is { } x ? heap.NewInt(x) : PyRef.Null).ToArray();
            var slice = heap.Types.Slice.New(parts[0].Ptr, parts[1].Ptr, parts[2].Ptr);
            Assert.True(heap.Types.Slice.TryIndices(slice.Ptr, length, out var s));
            var selected = Enumerable.Range(0, (int)s.Count).Select(i => (int)s[i]).ToArray();
            Assert.Equal(expected, selected);
            slice.DecRef();
            foreach (var p in parts)
            {
                p.XDecRef();
            }
        }
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ZeroStepAndNonIntegerBoundsRaiseCpythonsErrors(string profile)
    {
        using var heap = new Heap(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true });
        var zero = heap.NewInt(0);
        Assert.False(heap.Types.Slice.TryIndices(null, null, zero.Ptr, 5, out _));
        Assert.True(heap.ErrorMatches(heap.Types.Exceptions.ValueError));
        heap.ClearError();
        var text = heap.NewString("a");
        Assert.False(heap.Types.Slice.TryIndices(text.Ptr, null, null, 5, out _));
        Assert.True(heap.ErrorMatches(heap.Types.Exceptions.TypeError));
        heap.ClearError();
        zero.DecRef();
        text.DecRef();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ListSliceAssignmentReleasesWhatItReplacesAndNothingElse(string profile)
    {
        using var heap = new Heap(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true });
        var list = heap.Types.List.New(0);
        var owned = Enumerable.Range(0, 6).Select(_ => heap.Types.List.New(0)).ToArray();
        foreach (var o in owned)
        {
            Assert.Equal(0, heap.Types.List.Append(list.Ptr, o.Ptr));
        }

        var two = heap.NewInt(2);
        var slice = heap.Types.Slice.New(null, null, two.Ptr); // [::2]
        var replacement = heap.Types.List.New(0);
        Assert.Equal(-1, heap.SetItem(list.Ptr, slice.Ptr, replacement.Ptr)); // 0 items for 3 places
        Assert.True(heap.ErrorMatches(heap.Types.Exceptions.ValueError));
        heap.ClearError();
        Assert.Equal(6, ListTypeSize(list));

        Assert.Equal(0, heap.DelItem(list.Ptr, slice.Ptr));
        Assert.Equal(3, ListTypeSize(list));
        Assert.Equal([1L, 2, 1, 2, 1, 2], owned.Select(o => (long)o.Ptr->RefCount).ToArray());

        list.DecRef();
        Assert.All(owned, o => Assert.Equal(1L, (long)o.Ptr->RefCount));
        foreach (var o in owned.Concat([replacement, slice, two]))
        {
            o.DecRef();
        }
    }

    private static long ListTypeSize(PyRef list) => Refheap.Objects.Native.List.ListType.Size(list.Ptr);
}
