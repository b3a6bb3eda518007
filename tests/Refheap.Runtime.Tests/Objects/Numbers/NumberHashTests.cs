using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Numbers;

/// <summary>hash() of ints, longs, bools and floats equals CPython's, so dict and set orders match.</summary>
public sealed unsafe class NumberHashTests
{
    // PYENV_VERSION=2.7.18 python -c 'print [hash(v) for v in [-1, -2, 0, 2**61, 2**63, -2**63, 2**64, -2**64, 10**30, -10**30, 2**64-1, 2**128]]'
    // → [-2, -2, 0, 2305843009213693952, -9223372036854775808, -9223372036854775808, 1, -2, 5076944324515372240, -5076944324515372240, -2, 1]
    private static readonly (string Value, long Hash)[] s_py27Ints =
    [
        ("-1", -2), ("-2", -2), ("0", 0), ("2305843009213693952", 2305843009213693952),
        ("9223372036854775808", long.MinValue), ("-9223372036854775808", long.MinValue),
        ("18446744073709551616", 1), ("-18446744073709551616", -2),
        ("1000000000000000000000000000000", 5076944324515372240), ("-1000000000000000000000000000000", -5076944324515372240),
        ("18446744073709551615", -2), ("340282366920938463463374607431768211456", 1),
    ];

    // PYENV_VERSION=3.12.1 python -c 'print([hash(v) for v in [-1, -2, 0, 2**61, 2**61-1, 2**63, -2**63, 2**64, -2**64, 10**30, -10**30, 2**64-1, 2**128]])'
    // → [-2, -2, 0, 1, 0, 4, -4, 8, -8, 465258685558744706, -465258685558744706, 7, 64]
    private static readonly (string Value, long Hash)[] s_py312Ints =
    [
        ("-1", -2), ("-2", -2), ("0", 0), ("2305843009213693952", 1), ("2305843009213693951", 0),
        ("9223372036854775808", 4), ("-9223372036854775808", -4),
        ("18446744073709551616", 8), ("-18446744073709551616", -8),
        ("1000000000000000000000000000000", 465258685558744706), ("-1000000000000000000000000000000", -465258685558744706),
        ("18446744073709551615", 7), ("340282366920938463463374607431768211456", 64),
    ];

    // PYENV_VERSION=2.7.18 python -c 'print [hash(v) for v in [1.5, -1.5, -0.0, 1e300, 1.0, -1.0, float("inf"), float("-inf"), float("nan"), 0.1, 2.0**70, 1e-300, 2.0**62, 12345.678]]'
    // → [1610645504, -1610579968, 0, 8474648701417850880, 1, -2, 314159, -271828, 0, 2576882278, 64, 3316461835, 4611686018427387904, 3370978082]
    private static readonly (double Value, long Hash)[] s_py27Floats =
    [
        (1.5, 1610645504), (-1.5, -1610579968), (-0.0, 0), (1e300, 8474648701417850880), (1.0, 1), (-1.0, -2),
        (double.PositiveInfinity, 314159), (double.NegativeInfinity, -271828), (double.NaN, 0), (0.1, 2576882278),
        (Math.Pow(2, 70), 64), (1e-300, 3316461835), (Math.Pow(2, 62), 4611686018427387904), (12345.678, 3370978082),
    ];

    // PYENV_VERSION=3.12.1 python -c 'print([hash(v) for v in [1.5, -1.5, -0.0, 1e300, 1.0, -1.0, float("inf"), float("-inf"), 0.1, 2.0**70, 1e-300, 2.0**62, 12345.678, 5e-324]])'
    // → [1152921504606846977, -1152921504606846977, 0, 1224995262755759164, 1, -2, 314159, -314159, 230584300921369408, 512, 482449582752280463, 2, 1563361560246628409, 16777216]
    private static readonly (double Value, long Hash)[] s_py312Floats =
    [
        (1.5, 1152921504606846977), (-1.5, -1152921504606846977), (-0.0, 0), (1e300, 1224995262755759164), (1.0, 1), (-1.0, -2),
        (double.PositiveInfinity, 314159), (double.NegativeInfinity, -314159), (0.1, 230584300921369408), (Math.Pow(2, 70), 512),
        (1e-300, 482449582752280463), (Math.Pow(2, 62), 2), (12345.678, 1563361560246628409), (5e-324, 16777216),
    ];

    public static TheoryData<string, string, long> IntHashes => ByProfile(s_py27Ints, s_py312Ints);

    public static TheoryData<string, double, long> FloatHashes => ByProfile(s_py27Floats, s_py312Floats);

    [Theory]
    [MemberData(nameof(IntHashes))]
    public void IntHashMatchesCPython(string profile, string value, long hash)
    {
        using var h = new NumberHeap(profile);
        Assert.Equal(hash, h.Heap.Hash(h.Int(value).Ptr));
        h.AssertBackToStart();
    }

    [Theory]
    [MemberData(nameof(FloatHashes))]
    public void FloatHashMatchesCPython(string profile, double value, long hash)
    {
        using var h = new NumberHeap(profile);
        Assert.Equal(hash, h.Heap.Hash(h.Float(value).Ptr));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void EqualNumbersOfDifferentTypesHashAlike(string profile)
    {
        using var h = new NumberHeap(profile);

        // PYENV_VERSION=3.12.1 python -c 'print(hash(1) == hash(1.0) == hash(True), hash(2.0**64) == hash(2**64), hash(-2.0**80) == hash(-2**80))' → True True True
        Assert.Equal(1, h.Heap.Hash(h.Int(1).Ptr));
        Assert.Equal(1, h.Heap.Hash(h.Float(1.0).Ptr));
        Assert.Equal(1, h.Heap.Hash(h.Bool(true).Ptr));
        Assert.Equal(0, h.Heap.Hash(h.Bool(false).Ptr));
        Assert.Equal(h.Heap.Hash(h.Pow2(64).Ptr), h.Heap.Hash(h.Float(Math.Pow(2, 64)).Ptr));
        Assert.Equal(h.Heap.Hash(h.Int("-1208925819614629174706176").Ptr), h.Heap.Hash(h.Float(-Math.Pow(2, 80)).Ptr));
        h.AssertBackToStart();
    }

    [Fact]
    public void Py312NanHashesByIdentity()
    {
        using var h = new NumberHeap("py312");

        // 3.10+: hash(nan) is the object's identity hash, so two nans differ.
        var a = h.Float(double.NaN);
        var b = h.Float(double.NaN);
        Assert.Equal(h.Heap.IdentityHash(a.Ptr), h.Heap.Hash(a.Ptr));
        Assert.NotEqual(h.Heap.Hash(a.Ptr), h.Heap.Hash(b.Ptr));
        h.AssertBackToStart();
    }

    /// <summary>One case per value: py27's table, then py312's.</summary>
    private static TheoryData<string, TValue, long> ByProfile<TValue>((TValue Value, long Hash)[] py27, (TValue Value, long Hash)[] py312)
    {
        var data = new TheoryData<string, TValue, long>();
        foreach (var (value, hash) in py27)
        {
            data.Add("py27", value, hash);
        }

        foreach (var (value, hash) in py312)
        {
            data.Add("py312", value, hash);
        }

        return data;
    }
}
