using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Numbers;

/// <summary>
/// Arithmetic, comparison and unary operators across int, long, bool and float give
/// CPython's result or error, case by case from <see cref="NumberOperatorCases"/> (whose
/// expectations cpython_number_oracle.py took from CPython 2.7.18 and 3.12.1).
/// </summary>
public sealed unsafe partial class NumberOperatorTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        for (var i = 0; i < NumberOperatorCases.All.Length; i++)
        {
            data.Add("py27", i);
            data.Add("py312", i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OperatorGivesCPythonsResultOrError(string profile, int index)
    {
        var (text, py27, py312) = NumberOperatorCases.All[index];
        using var h = new NumberHeap(profile);
        var tokens = text.Split(' ');
        var actual = text.EndsWith(')')
            ? Construct(h, text)
            : tokens.Length == 3
            ? h.Binary(Operand(h, tokens[0]), tokens[1], Operand(h, tokens[2]))
            : h.Unary(tokens[0], Operand(h, tokens[1]));
        Assert.True((profile == "py27" ? py27 : py312) == actual, $"{profile}: {text} gave {actual}");
        h.AssertBackToStart();
    }

    [Fact]
    public void Py27TrueDivisionOfIntsIsCorrectlyRounded()
    {
        using var h = new NumberHeap("py27");

        // PYENV_VERSION=2.7.18 python -c 'from __future__ import division; print repr(1/3), repr(2**1024/3), repr(1/2**1024), repr((2**64+1)/3), repr(-(2**1024)/7), repr(0/-5), repr(1/10**400)'
        // → 0.3333333333333333 5.992310449541053e+307 5.562684646268003e-309 6.148914691236517e+18 -2.5681330498033083e+307 -0.0 0.0
        Assert.Equal("0.3333333333333333", h.Binary(h.Int(1), "truediv", h.Int(3)));
        Assert.Equal("5.992310449541053e+307", h.Binary(h.Pow2(1024), "truediv", h.Int(3)));
        Assert.Equal("5.562684646268003e-309", h.Binary(h.Int(1), "truediv", h.Pow2(1024)));
        Assert.Equal("6.148914691236517e+18", h.Binary(h.Pow2(64, 1), "truediv", h.Int(3)));
        Assert.Equal("-2.5681330498033083e+307", h.Binary(h.Own(h.Heap.Negative(h.Pow2(1024).Ptr)), "truediv", h.Int(7)));
        Assert.Equal("-0.0", h.Binary(h.Int(0), "truediv", h.Int(-5)));
        Assert.Equal("0.0", h.Binary(h.Int(1), "truediv", h.Int("1" + new string('0', 400))));

        // PYENV_VERSION=2.7.18 python -c 'from __future__ import division; 1/0' → ZeroDivisionError: division by zero
        Assert.Equal("ZeroDivisionError: division by zero", h.Binary(h.Int(1), "truediv", h.Int(0)));
        Assert.Equal("OverflowError: integer division result too large for a float", h.Binary(h.Pow2(1024), "truediv", h.Int(1)));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void NegativeNumberToAFractionalPowerIsAValueError(string profile)
    {
        // 2.7: ValueError. 3.12 returns a complex; there is no complex type, so py312 raises 2.7's error too.
        // PYENV_VERSION=2.7.18 python -c '(-8.0) ** 0.5' → ValueError: negative number cannot be raised to a fractional power
        using var h = new NumberHeap(profile);
        Assert.Equal("ValueError: negative number cannot be raised to a fractional power", h.Binary(h.Float(-8.0), "**", h.Float(0.5)));
        Assert.Equal("ValueError: negative number cannot be raised to a fractional power", h.Binary(h.Int(-8), "**", h.Float(1.0 / 3)));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void PositiveOfAnExactNumberIsTheSameObject(string profile)
    {
        using var h = new NumberHeap(profile);
        foreach (var o in new[] { h.Int(1000), h.Pow2(100), h.Float(2.5) })
        {
            var r = h.Heap.Positive(o.Ptr);
            Assert.Equal(o, r);
            r.DecRef();
        }

        var one = h.Own(h.Heap.Positive(h.Bool(true).Ptr));
        Assert.Equal("int", one.Descriptor.Name);
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27", "L")]
    [InlineData("py312", "")]
    public void HugeResultsAreMemoryErrorsNotHangs(string profile, string longSuffix)
    {
        // CPython tries (and runs for ever, or out of memory); Refheap refuses results beyond 2**31 bits.
        using var h = new NumberHeap(profile);
        Assert.Equal("MemoryError", h.Binary(h.Int(3), "**", h.Pow2(40)));
        Assert.Equal("MemoryError", h.Binary(h.Int(1), "<<", h.Pow2(40)));

        // PYENV_VERSION=2.7.18 python -c 'print repr(0 ** 2**100), repr(1 ** 2**100), repr((-1) ** (2**100+1))' → 0L 1L -1L
        Assert.Equal("0" + longSuffix, h.Binary(h.Int(0), "**", h.Pow2(100)));
        Assert.Equal("1" + longSuffix, h.Binary(h.Int(1), "**", h.Pow2(100)));
        Assert.Equal("-1" + longSuffix, h.Binary(h.Int(-1), "**", h.Pow2(100, 1)));
        h.AssertBackToStart();
    }

    [Fact]
    public void Py27LongConstructorAlwaysMakesALong()
    {
        using var h = new NumberHeap("py27");

        // PYENV_VERSION=2.7.18 python -c "print repr(long('12')), repr(long(1.5)), repr(long()), repr(int(long(5)))" → 12L 1L 0L 5
        Assert.Equal("12L", Construct(h, "long('12')"));
        Assert.Equal("1L", Construct(h, "long(1.5)"));
        Assert.Equal("0L", Construct(h, "long()"));
        var fiveL = h.Own(h.Heap.Types.Long!.New(5));
        var args = h.Own(h.Heap.NewTuple(fiveL));
        Assert.Equal("5", h.Outcome(h.Heap.Types.Int.Construct(args.Ptr, null)));

        // PYENV_VERSION=2.7.18 python -c "long('abc')" → ValueError: invalid literal for long() with base 10: 'abc'
        Assert.Equal("ValueError: invalid literal for long() with base 10: 'abc'", Construct(h, "long('abc')"));
        h.AssertBackToStart();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void ConstructingFromAnExactNumberReturnsTheSameObject(string profile)
    {
        using var h = new NumberHeap(profile);
        foreach (var (o, type) in new[] { (h.Int(1000), (Refheap.Objects.TypeDescriptor)h.Heap.Types.Int), (h.Float(2.5), h.Heap.Types.Float) })
        {
            var args = h.Own(h.Heap.NewTuple(o));
            var r = type.Construct(args.Ptr, null);
            Assert.Equal(o, r);
            r.DecRef();
        }

        h.AssertBackToStart();
    }

    // Calls a type as the case syntax T(A, B) spells it.
    private static string Construct(NumberHeap h, string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var name = text[..open];
        var inner = text[(open + 1)..^1];
        var args = inner.Length == 0 ? [] : inner.Split(", ").Select(a => Operand(h, a)).ToArray();
        var tuple = h.Own(h.Heap.NewTuple(args));
        Refheap.Objects.TypeDescriptor type = name switch
        {
            "int" => h.Heap.Types.Int,
            "long" => h.Heap.Types.Long!,
            "float" => h.Heap.Types.Float,
            _ => h.Heap.Types.Bool,
        };
        return h.Outcome(type.Construct(tuple.Ptr, null));
    }

    // An operand of the case syntax: see cpython_number_oracle.py.
    private static PyRef Operand(NumberHeap h, string token)
    {
        switch (token)
        {
            case "True":
                return h.Bool(true);
            case "False":
                return h.Bool(false);
            case "None":
                return h.Own(h.Heap.None);
            case "inf":
                return h.Float(double.PositiveInfinity);
            case "-inf":
                return h.Float(double.NegativeInfinity);
            case "nan":
                return h.Float(double.NaN);
        }

        if (token.StartsWith('\''))
        {
            return h.Str(token.Trim('\''));
        }

        var power = PowerOfTwo().Match(token);
        if (power.Success)
        {
            var n = int.Parse(power.Groups[2].Value, CultureInfo.InvariantCulture);
            var value = BigInteger.One << n;
            value = power.Groups[1].Value == "-" ? -value : value;
            if (power.Groups[3].Success)
            {
                var k = BigInteger.Parse(power.Groups[5].Value, CultureInfo.InvariantCulture);
                k = power.Groups[4].Success ? BigInteger.One << (int)k : k;
                value += power.Groups[3].Value == "-" ? -k : k;
            }

            // In 2.7, 2**N is a long from N = 63 on, and so is everything computed from it.
            return n >= 63 && h.Heap.Types.Long != null ? h.Own(h.Heap.Types.Long.New(value)) : h.Own(h.Heap.NewInt(value));
        }

        if (token.Contains('.') || token.Contains('e'))
        {
            return h.Float(double.Parse(token, CultureInfo.InvariantCulture));
        }

        return h.Int(token);
    }

    [GeneratedRegex(@"^(-?)2\*\*(\d+)(?:([+-])(2\*\*)?(\d+))?$")]
    private static partial Regex PowerOfTwo();
}
