using System.Numerics;
using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Numbers;

/// <summary>Reading numbers back: TryAsLong, AsBigInteger, AsDouble, truth, sizes, and sequence indexing.</summary>
public sealed unsafe class NumberConversionTests
{
    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void TryAsLongReadsIntsThatFitAndRefusesTheRestWithoutAnError(string profile)
    {
        using var h = new NumberHeap(profile);
        Assert.True(h.Heap.TryAsLong(h.Int(long.MinValue).Ptr, out var min) && min == long.MinValue);
        Assert.True(h.Heap.TryAsLong(h.Int("-9223372036854775808").Ptr, out min) && min == long.MinValue);
        Assert.True(h.Heap.TryAsLong(h.Int(long.MaxValue).Ptr, out var max) && max == long.MaxValue);
        Assert.False(h.Heap.TryAsLong(h.Pow2(63).Ptr, out _));
        Assert.False(h.Heap.TryAsLong(h.Float(1.0).Ptr, out _));
        Assert.False(h.Heap.TryAsLong(h.Str("1").Ptr, out _));
        Assert.False(h.Heap.ErrorOccurred);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void IsIntAndIsFloatClassifyNumbers(string profile)
    {
        using var h = new NumberHeap(profile);
        Assert.True(h.Heap.IsInt(h.Int(1).Ptr));
        Assert.True(h.Heap.IsInt(h.Pow2(100).Ptr));
        Assert.True(h.Heap.IsInt(h.Bool(false).Ptr));
        Assert.False(h.Heap.IsInt(h.Float(1).Ptr));
        Assert.True(h.Heap.IsFloat(h.Float(1).Ptr));
        Assert.False(h.Heap.IsFloat(h.Int(1).Ptr));
        Assert.False(h.Heap.IsInt(h.Str("1").Ptr));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", "OverflowError: long int too large to convert to float")]
    [InlineData("py312", "OverflowError: int too large to convert to float")]
    public void AsDoubleRoundsToNearestEvenAndRefusesHugeInts(string profile, string overflow)
    {
        using var h = new NumberHeap(profile);

        // PYENV_VERSION=3.12.1 python -c 'print(float(2**80+2**27+1), float(2**80+2**27), float(2**80+2**28+2**27), float(2**1024-2**970-1), float(True))'
        // → 1.2089258196146294e+24 1.2089258196146292e+24 1.2089258196146297e+24 1.7976931348623157e+308 1.0
        Assert.Equal(1.2089258196146294e+24, h.Heap.AsDouble(h.Own(h.Heap.NewInt((BigInteger.One << 80) + (BigInteger.One << 27) + 1)).Ptr));
        Assert.Equal(1.2089258196146292e+24, h.Heap.AsDouble(h.Own(h.Heap.NewInt((BigInteger.One << 80) + (BigInteger.One << 27))).Ptr));
        Assert.Equal(1.2089258196146297e+24, h.Heap.AsDouble(h.Own(h.Heap.NewInt((BigInteger.One << 80) + (BigInteger.One << 28) + (BigInteger.One << 27))).Ptr));
        Assert.Equal(double.MaxValue, h.Heap.AsDouble(h.Own(h.Heap.NewInt((BigInteger.One << 1024) - (BigInteger.One << 970) - 1)).Ptr));
        Assert.Equal(1.0, h.Heap.AsDouble(h.Bool(true).Ptr));
        Assert.Equal(2.5, h.Heap.AsDouble(h.Float(2.5).Ptr));

        // PYENV_VERSION=3.12.1 python -c 'float(2**1024-2**970)' → OverflowError: int too large to convert to float
        Assert.Equal(-1.0, h.Heap.AsDouble(h.Own(h.Heap.NewInt((BigInteger.One << 1024) - (BigInteger.One << 970))).Ptr));
        Assert.Equal(overflow, h.Outcome(PyRef.Null));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ZeroIsFalseAndEveryOtherNumberTrue(string profile)
    {
        using var h = new NumberHeap(profile);
        Assert.Equal(0, h.Heap.IsTrue(h.Int(0).Ptr));
        Assert.Equal(1, h.Heap.IsTrue(h.Int(-1).Ptr));
        Assert.Equal(1, h.Heap.IsTrue(h.Pow2(100).Ptr));
        Assert.Equal(0, h.Heap.IsTrue(h.Float(-0.0).Ptr));
        Assert.Equal(1, h.Heap.IsTrue(h.Float(double.NaN).Ptr));
        Assert.Equal(0, h.Heap.IsTrue(h.Bool(false).Ptr));
        h.AssertBackToStart();
    }

    [Fact]
    public void Py27SizesMatchSysGetsizeof()
    {
        using var h = new NumberHeap("py27");

        // PYENV_VERSION=2.7.18 python -c 'import sys; print sys.getsizeof(0), sys.getsizeof(2**62), sys.getsizeof(1L), sys.getsizeof(2**64), sys.getsizeof(1.0), sys.getsizeof(True)'
        // → 24 24 28 36 24 24
        Assert.Equal(24u, SizeOf(h.Int(0)));
        Assert.Equal(24u, SizeOf(h.Int(1L << 62)));
        Assert.Equal(28u, SizeOf(h.Own(h.Heap.Types.Long!.New(1))));
        Assert.Equal(24u, SizeOf(h.Own(h.Heap.Types.Long!.New(0))));
        Assert.Equal(36u, SizeOf(h.Pow2(64)));
        Assert.Equal(24u, SizeOf(h.Float(1.0)));
        Assert.Equal(24u, SizeOf(h.Bool(true)));
        h.AssertBackToStart();
    }

    [Fact]
    public void Py312SizesMatchSysGetsizeof()
    {
        using var h = new NumberHeap("py312");

        // PYENV_VERSION=3.12.1 python -c 'import sys; print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**64), sys.getsizeof(1.0), sys.getsizeof(True), sys.getsizeof(False))'
        // → 28 28 32 36 24 28 28
        Assert.Equal(28u, SizeOf(h.Int(0)));
        Assert.Equal(28u, SizeOf(h.Int(1)));
        Assert.Equal(32u, SizeOf(h.Int(1 << 30)));
        Assert.Equal(36u, SizeOf(h.Pow2(64)));
        Assert.Equal(24u, SizeOf(h.Float(1.0)));
        Assert.Equal(28u, SizeOf(h.Bool(true)));
        Assert.Equal(28u, SizeOf(h.Bool(false)));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", "tuple indices must be integers, not str", "cannot fit 'long' into an index-sized integer")]
    [InlineData("py312", "tuple indices must be integers or slices, not str", "cannot fit 'int' into an index-sized integer")]
    public void TryIndexCountsFromTheEndAndReportsCPythonsErrors(string profile, string typeError, string cannotFit)
    {
        using var h = new NumberHeap(profile);
        Assert.True(h.Heap.TryIndex(h.Int(1).Ptr, 3, "tuple", out var i) && i == 1);
        Assert.True(h.Heap.TryIndex(h.Int(-1).Ptr, 3, "tuple", out i) && i == 2);
        Assert.True(h.Heap.TryIndex(h.Bool(true).Ptr, 3, "tuple", out i) && i == 1);

        // 2.7 the same: PYENV_VERSION=3.12.1 python -c '(1, 2)[5]' → IndexError: tuple index out of range
        Assert.False(h.Heap.TryIndex(h.Int(3).Ptr, 3, "tuple", out _));
        Assert.Equal("IndexError: tuple index out of range", h.Outcome(PyRef.Null));
        Assert.False(h.Heap.TryIndex(h.Int(-4).Ptr, 3, "tuple", out _));
        Assert.Equal("IndexError: tuple index out of range", h.Outcome(PyRef.Null));

        // PYENV_VERSION=2.7.18 python -c '(1, 2)["a"]' → TypeError: tuple indices must be integers, not str
        Assert.False(h.Heap.TryIndex(h.Str("a").Ptr, 3, "tuple", out _));
        Assert.Equal("TypeError: " + typeError, h.Outcome(PyRef.Null));

        // PYENV_VERSION=2.7.18 python -c '(1, 2)[2**100]' → IndexError: cannot fit 'long' into an index-sized integer
        Assert.False(h.Heap.TryIndex(h.Pow2(100).Ptr, 3, "tuple", out _));
        Assert.Equal("IndexError: " + cannotFit, h.Outcome(PyRef.Null));
        h.AssertBackToStart();
    }

    private static nuint SizeOf(PyRef o) => o.Descriptor.SizeOf(o.Ptr);
}
