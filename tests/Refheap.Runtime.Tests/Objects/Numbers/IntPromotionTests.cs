namespace Refheap.RuntimeTests.Objects.Numbers;

/// <summary>py27's int promotes to long at 2**63 and never wraps; py312's int just grows.</summary>
public sealed unsafe class IntPromotionTests
{
    [Fact]
    public void Py27AdditionPastLongMaxPromotesToLong()
    {
        using var h = new NumberHeap("py27");

        // PYENV_VERSION=2.7.18 python -c 'import sys; print repr(sys.maxint + 1), type(sys.maxint), type(sys.maxint + 1)'
        // → 9223372036854775808L <type 'int'> <type 'long'>
        var max = h.Int(long.MaxValue);
        Assert.Equal("int", max.Descriptor.Name);
        Assert.Equal("9223372036854775808L", h.Binary(max, "+", h.Int(1)));
        Assert.Equal("-9223372036854775809L", h.Binary(h.Int(long.MinValue), "-", h.Int(1)));
        h.AssertBackToStart();
    }

    [Theory]
    // PYENV_VERSION=2.7.18 python -c 'print repr(2**62*2), repr(-2**62*2), repr(2**63), repr(-(-2**63)), repr(abs(-2**63)), repr(1 << 63), repr(-1 << 63), repr(3 << 62), repr((-2)**63), repr((-2)**64)'
    // → 9223372036854775808L -9223372036854775808 9223372036854775808L 9223372036854775808L 9223372036854775808L 9223372036854775808L -9223372036854775808 13835058055282163712L -9223372036854775808 18446744073709551616L
    [InlineData(4611686018427387904, "*", 2, "9223372036854775808L")]
    [InlineData(-4611686018427387904, "*", 2, "-9223372036854775808")]
    [InlineData(2, "**", 63, "9223372036854775808L")]
    [InlineData(1, "<<", 63, "9223372036854775808L")]
    [InlineData(-1, "<<", 63, "-9223372036854775808")]
    [InlineData(3, "<<", 62, "13835058055282163712L")]
    [InlineData(-2, "**", 63, "-9223372036854775808")]
    [InlineData(-2, "**", 64, "18446744073709551616L")]
    // PYENV_VERSION=2.7.18 python -c 'import sys; m = -sys.maxint - 1; print repr(m // -1), repr(m / -1), repr(m % -1)'
    // → 9223372036854775808L 9223372036854775808L 0L
    [InlineData(long.MinValue, "//", -1, "9223372036854775808L")]
    [InlineData(long.MinValue, "/", -1, "9223372036854775808L")]
    [InlineData(long.MinValue, "%", -1, "0L")]
    public void Py27IntResultsThatOverflowBecomeLongAndThoseThatFitStayInt(long a, string op, long b, string expected)
    {
        using var h = new NumberHeap("py27");
        Assert.Equal(expected, h.Binary(h.Int(a), op, h.Int(b)));
        h.AssertBackToStart();
    }

    [Fact]
    public void Py27UnaryMinusAndAbsOfLongMinPromote()
    {
        using var h = new NumberHeap("py27");

        // PYENV_VERSION=2.7.18 python -c 'import sys; m = -sys.maxint - 1; print repr(-m), repr(abs(m)), repr(~m), type(m)'
        // → 9223372036854775808L 9223372036854775808L 9223372036854775807 <type 'int'>
        var min = h.Int(long.MinValue);
        Assert.Equal("9223372036854775808L", h.Unary("-", min));
        Assert.Equal("9223372036854775808L", h.Unary("abs", min));
        Assert.Equal("9223372036854775807", h.Unary("~", min));
        h.AssertBackToStart();
    }

    [Fact]
    public void Py27LongResultsAreNotDemoted()
    {
        using var h = new NumberHeap("py27");

        // PYENV_VERSION=2.7.18 python -c 'print repr((2**63) - 1), repr(2**64 // 2**60), repr(2**63 // 2**63), repr(2**100 % 7), repr(-(2**63)), repr(+(2**63))'
        // → 9223372036854775807L 16L 1L 2L -9223372036854775808L 9223372036854775808L
        Assert.Equal("9223372036854775807L", h.Binary(h.Pow2(63), "-", h.Int(1)));
        Assert.Equal("16L", h.Binary(h.Pow2(64), "//", h.Pow2(60)));
        Assert.Equal("1L", h.Binary(h.Pow2(63), "//", h.Pow2(63)));
        Assert.Equal("2L", h.Binary(h.Pow2(100), "%", h.Int(7)));
        var big = h.Pow2(63);
        Assert.Equal("-9223372036854775808L", h.Unary("-", big));
        Assert.Equal("9223372036854775808L", h.Unary("+", big));
        h.AssertBackToStart();
    }

    [Fact]
    public void Py27IntPlusLongIsLongEvenWhenSmall()
    {
        using var h = new NumberHeap("py27");

        // PYENV_VERSION=2.7.18 python -c 'x = 2**64 // 2**64; print repr(x), repr(x + 1), repr(1 + x), repr(True + x), repr(x * 0)'
        // → 1L 2L 2L 2L 0L
        var oneL = h.Own(h.Heap.FloorDivide(h.Pow2(64).Ptr, h.Pow2(64).Ptr));
        Assert.Equal("long", oneL.Descriptor.Name);
        Assert.Equal("1L", h.Repr(oneL));
        Assert.Equal("2L", h.Binary(oneL, "+", h.Int(1)));
        Assert.Equal("2L", h.Binary(h.Int(1), "+", oneL));
        Assert.Equal("2L", h.Binary(h.Bool(true), "+", oneL));
        Assert.Equal("0L", h.Binary(oneL, "*", h.Int(0)));
        h.AssertBackToStart();
    }

    [Theory]
    // PYENV_VERSION=3.12.1 python -c 'import sys; print(sys.maxsize + 1, -sys.maxsize - 2, 2**62*2, (-2)**64, 1 << 63, (-2**63) // -1, (-2**63)*(-2**63))'
    // → 9223372036854775808 -9223372036854775809 9223372036854775808 18446744073709551616 9223372036854775808 9223372036854775808 85070591730234615865843651857942052864
    [InlineData(long.MaxValue, "+", 1, "9223372036854775808")]
    [InlineData(long.MinValue, "-", 1, "-9223372036854775809")]
    [InlineData(4611686018427387904, "*", 2, "9223372036854775808")]
    [InlineData(-2, "**", 64, "18446744073709551616")]
    [InlineData(1, "<<", 63, "9223372036854775808")]
    [InlineData(long.MinValue, "//", -1, "9223372036854775808")]
    [InlineData(long.MinValue, "*", long.MinValue, "85070591730234615865843651857942052864")]
    public void Py312IntsNeverWrap(long a, string op, long b, string expected)
    {
        using var h = new NumberHeap("py312");
        Assert.Equal(expected, h.Binary(h.Int(a), op, h.Int(b)));
        h.AssertBackToStart();
    }

    [Fact]
    public void Py312BigResultsThatFitAgainAreOrdinaryInts()
    {
        using var h = new NumberHeap("py312");

        // PYENV_VERSION=3.12.1 python -c 'x = 2**64 - (2**64 - 5); print(x, x is 5)' → 5 True
        var five = h.Own(h.Heap.Subtract(h.Pow2(64).Ptr, h.Pow2(64, -5).Ptr));
        Assert.Equal("5", h.Repr(five));
        Assert.Equal(h.Int(5), five);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void BigValuesRoundTripThroughNativeDigits(string profile)
    {
        using var h = new NumberHeap(profile);
        var suffix = profile == "py27" ? "L" : "";
        foreach (var text in new[] { "1073741823", "1073741824", "1152921504606846975", "1152921504606846976", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "123456789012345678901234567890123456789" })
        {
            var o = h.Int(text);
            var value = System.Numerics.BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            var fitsLong = value >= long.MinValue && value <= long.MaxValue;
            Assert.Equal(fitsLong ? text : text + suffix, h.Repr(o));
            Assert.Equal(value, h.Heap.AsBigInteger(o.Ptr));
        }

        h.AssertBackToStart();
    }
}
