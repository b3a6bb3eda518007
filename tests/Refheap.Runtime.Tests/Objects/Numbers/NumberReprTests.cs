namespace Refheap.RuntimeTests.Objects.Numbers;

/// <summary>repr and str of ints, longs, bools and floats, as each CPython prints them.</summary>
public sealed class NumberReprTests
{
    [Theory]
    // PYENV_VERSION=2.7.18 python -c 'import sys; print repr(0), repr(-5), repr(123), repr(sys.maxint), repr(-sys.maxint-1)' → 0 -5 123 9223372036854775807 -9223372036854775808
    [InlineData("py27", 0, "0")]
    [InlineData("py27", -5, "-5")]
    [InlineData("py27", 123, "123")]
    [InlineData("py27", long.MaxValue, "9223372036854775807")]
    [InlineData("py27", long.MinValue, "-9223372036854775808")]
    [InlineData("py312", 0, "0")]
    [InlineData("py312", -5, "-5")]
    [InlineData("py312", 123, "123")]
    [InlineData("py312", long.MaxValue, "9223372036854775807")]
    [InlineData("py312", long.MinValue, "-9223372036854775808")]
    public void IntReprIsTheDecimalValue(string profile, long value, string expected)
    {
        using var h = new NumberHeap(profile);
        var o = h.Int(value);
        Assert.Equal(expected, h.Repr(o));
        Assert.Equal(expected, h.StrOf(o));
        h.AssertBackToStart();
    }

    [Fact]
    public void Py27LongReprEndsInLButItsStrDoesNot()
    {
        using var h = new NumberHeap("py27");

        // PYENV_VERSION=2.7.18 python -c 'print repr(10**20), str(10**20), repr(-2**64), repr(2**63)'
        // → 100000000000000000000L 100000000000000000000 -18446744073709551616L 9223372036854775808L
        var big = h.Int("100000000000000000000");
        Assert.Equal("100000000000000000000L", h.Repr(big));
        Assert.Equal("100000000000000000000", h.StrOf(big));
        Assert.Equal("-18446744073709551616L", h.Repr(h.Int("-18446744073709551616")));
        Assert.Equal("9223372036854775808L", h.Repr(h.Pow2(63)));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void BoolReprIsTrueOrFalse(string profile)
    {
        using var h = new NumberHeap(profile);

        // PYENV_VERSION=3.12.1 python -c 'print(repr(True), str(False))' → True False
        Assert.Equal("True", h.Repr(h.Bool(true)));
        Assert.Equal("False", h.StrOf(h.Bool(false)));
        h.AssertBackToStart();
    }

    [Theory]
    // PYENV_VERSION=2.7.18 python -c 'print " | ".join(repr(v) + " " + str(v) for v in [0.1, 0.1+0.2, 1e16, 1e15, 1e-4, 1e-5, 1e22, 1.5e300, float("inf"), float("-inf"), float("nan"), -0.0, 0.0, 1.0, 100.0, 1.0/3, 2.0/3, 5e-324, 1.7976931348623157e308, 123456789012.0, 2e16+8, 0.000123456789012345])'
    // → 0.1 0.1 | 0.30000000000000004 0.3 | 1e+16 1e+16 | 1000000000000000.0 1e+15 | 0.0001 0.0001 | 1e-05 1e-05 | 1e+22 1e+22 | 1.5e+300 1.5e+300
    //   inf inf | -inf -inf | nan nan | -0.0 -0.0 | 0.0 0.0 | 1.0 1.0 | 100.0 100.0 | 0.3333333333333333 0.333333333333 | 0.6666666666666666 0.666666666667
    //   5e-324 4.94065645841e-324 | 1.7976931348623157e+308 1.79769313486e+308 | 123456789012.0 1.23456789012e+11 | 2.000000000000001e+16 2e+16 | 0.000123456789012345 0.000123456789012
    [InlineData(0.1, "0.1", "0.1")]
    [InlineData(0.30000000000000004, "0.30000000000000004", "0.3")]
    [InlineData(1e16, "1e+16", "1e+16")]
    [InlineData(1e15, "1000000000000000.0", "1e+15")]
    [InlineData(1e-4, "0.0001", "0.0001")]
    [InlineData(1e-5, "1e-05", "1e-05")]
    [InlineData(1e22, "1e+22", "1e+22")]
    [InlineData(1.5e300, "1.5e+300", "1.5e+300")]
    [InlineData(double.PositiveInfinity, "inf", "inf")]
    [InlineData(double.NegativeInfinity, "-inf", "-inf")]
    [InlineData(double.NaN, "nan", "nan")]
    [InlineData(-0.0, "-0.0", "-0.0")]
    [InlineData(0.0, "0.0", "0.0")]
    [InlineData(1.0, "1.0", "1.0")]
    [InlineData(100.0, "100.0", "100.0")]
    [InlineData(1.0 / 3, "0.3333333333333333", "0.333333333333")]
    [InlineData(2.0 / 3, "0.6666666666666666", "0.666666666667")]
    [InlineData(5e-324, "5e-324", "4.94065645841e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308", "1.79769313486e+308")]
    [InlineData(123456789012.0, "123456789012.0", "1.23456789012e+11")]
    [InlineData(2e16 + 8, "2.000000000000001e+16", "2e+16")]
    [InlineData(0.000123456789012345, "0.000123456789012345", "0.000123456789012")]
    public void Py27FloatReprIsShortestAndStrHasTwelveDigits(double value, string repr, string str)
    {
        using var h = new NumberHeap("py27");
        var o = h.Float(value);
        Assert.Equal(repr, h.Repr(o));
        Assert.Equal(str, h.StrOf(o));
        h.AssertBackToStart();
    }

    [Theory]
    // PYENV_VERSION=2.7.18 python -c 'print str(1e11), str(1e10), str(1234567890125.0), str(1234567890135.0), str(-2.5)' → 1e+11 10000000000.0 1.23456789012e+12 1.23456789014e+12 -2.5
    [InlineData(1e11, "1e+11")]
    [InlineData(1e10, "10000000000.0")]
    [InlineData(1234567890125.0, "1.23456789012e+12")]
    [InlineData(1234567890135.0, "1.23456789014e+12")]
    [InlineData(-2.5, "-2.5")]
    public void Py27FloatStrRoundsHalfToEvenAtTwelveDigits(double value, string str)
    {
        using var h = new NumberHeap("py27");
        Assert.Equal(str, h.StrOf(h.Float(value)));
        h.AssertBackToStart();
    }

    [Theory]
    // PYENV_VERSION=3.12.1 python -c 'print(" | ".join(repr(v) + " " + str(v) for v in [0.1, 0.1+0.2, 1e16, 1e15, 1e-5, 1e11, 2e16+8, 5e-324, -0.0, float("-inf")]))'
    // → 0.1 0.1 | 0.30000000000000004 0.30000000000000004 | 1e+16 1e+16 | 1000000000000000.0 1000000000000000.0 | 1e-05 1e-05
    //   100000000000.0 100000000000.0 | 2.000000000000001e+16 2.000000000000001e+16 | 5e-324 5e-324 | -0.0 -0.0 | -inf -inf
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1e11, "100000000000.0")]
    [InlineData(2e16 + 8, "2.000000000000001e+16")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Py312FloatStrIsRepr(double value, string expected)
    {
        using var h = new NumberHeap("py312");
        var o = h.Float(value);
        Assert.Equal(expected, h.Repr(o));
        Assert.Equal(expected, h.StrOf(o));
        h.AssertBackToStart();
    }
}
