using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Numbers;

/// <summary>Both CPythons share the ints -5..256; they are immortal and outside the census.</summary>
public sealed unsafe class SmallIntCacheTests
{
    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void SmallIntsAreTheSameObjectEveryTime(string profile)
    {
        using var h = new NumberHeap(profile);

        // PYENV_VERSION=2.7.18 python -c 'a = 256; b = int("256"); c = 257; d = int("257"); print a is b, c is d, int("-5") is -5, int("-6") is -6'
        // → True False True False
        foreach (var v in new long[] { -5, -1, 0, 1, 100, 256 })
        {
            Assert.Equal(h.Int(v), h.Int(v));
        }

        foreach (var v in new long[] { -6, 257, 1000 })
        {
            Assert.NotEqual(h.Int(v), h.Int(v));
        }

        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ComputedSmallResultsAreTheCachedObjects(string profile)
    {
        using var h = new NumberHeap(profile);

        // PYENV_VERSION=3.12.1 python -c 'x = 1000; print((x - 990) is 10, (x // 4) is 250)' → True True
        var thousand = h.Int(1000);
        var ten = h.Own(h.Heap.Subtract(thousand.Ptr, h.Int(990).Ptr));
        Assert.Equal(h.Int(10), ten);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void CachedIntsAreImmortalAndKnownToTheCensus(string profile)
    {
        using var h = new NumberHeap(profile);
        var ints = h.Heap.Types.Int;
        Assert.Equal(262, ints.CachedCount);
        var zero = h.Heap.NewInt(0);
        Assert.True(zero.RefCount > Heap.ImmortalRefCount / 2);
        Assert.True(ints.IsCached(zero.Ptr));
        zero.DecRef();

        var big = h.Int(257);
        Assert.Equal(1, big.RefCount);
        Assert.False(ints.IsCached(big.Ptr));
        Assert.False(ints.IsCached(h.Bool(true).Ptr));
        Assert.False(ints.IsCached(h.Float(0.0).Ptr));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void TrueAndFalseAreImmortalSingletonsOfBoolWhichIsAnInt(string profile)
    {
        using var h = new NumberHeap(profile);
        var t = h.Bool(true);
        Assert.True(h.Heap.Types.Bool.TrueObject == t.Ptr);
        Assert.Equal(h.Bool(true), t);
        Assert.Equal("bool", t.Descriptor.Name);
        Assert.Same(h.Heap.Types.Int, h.Heap.Types.Bool.BaseType);
        Assert.True(h.Heap.IsInt(t.Ptr));
        Assert.True(h.Heap.TryAsLong(t.Ptr, out var one) && one == 1);
        Assert.True(h.Heap.TryAsLong(h.Bool(false).Ptr, out var zero) && zero == 0);
        Assert.False(h.Heap.Types.Bool.CountsInCensus);
        Assert.Equal(1, h.Heap.IsTrue(t.Ptr));
        h.AssertBackToStart();
    }
}
