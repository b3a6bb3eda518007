using System.Numerics;
using Refheap.Objects.Native.Float;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// Integer arithmetic with Python's semantics: floor division and modulo, exact conversions
/// to and from double (correctly rounded, as PyLong_AsDouble and long_true_divide), exact
/// int/float comparison. The <c>long</c> overloads are the allocation-free fast path and
/// report overflow instead of wrapping; the <see cref="BigInteger"/> ones never overflow.
/// </summary>
internal static class IntMath
{
    /// <summary>Most bits a computed integer may have; larger results are MemoryError (CPython would run out of memory too).</summary>
    public const long MaxBits = int.MaxValue;

    private const int DblMantDig = 53;
    private const int DblMaxExp = 1024;
    private const int DblMinExp = -1021;

    /// <summary>a + b, false on overflow.</summary>
    public static bool TryAdd(long a, long b, out long r)
    {
        r = unchecked(a + b);
        return ((a ^ r) & (b ^ r)) >= 0;
    }

    /// <summary>a - b, false on overflow.</summary>
    public static bool TrySubtract(long a, long b, out long r)
    {
        r = unchecked(a - b);
        return ((a ^ b) & (a ^ r)) >= 0;
    }

    /// <summary>a × b, false on overflow.</summary>
    public static bool TryMultiply(long a, long b, out long r)
    {
        var high = Math.BigMul(a, b, out r);
        return high == (r >> 63);
    }

    /// <summary>a // b (b ≠ 0), false on overflow (long.MinValue // -1).</summary>
    public static bool TryFloorDivide(long a, long b, out long q)
    {
        if (b == -1 && a == long.MinValue)
        {
            q = 0;
            return false;
        }

        q = a / b;
        if ((a % b != 0) && ((a ^ b) < 0))
        {
            q--;
        }

        return true;
    }

    /// <summary>a % b with the sign of b (b ≠ 0).</summary>
    public static long Modulo(long a, long b)
    {
        if (b == -1)
        {
            return 0; // also avoids long.MinValue % -1, which traps
        }

        var r = a % b;
        if (r != 0 && ((r ^ b) < 0))
        {
            r += b;
        }

        return r;
    }

    /// <summary>a // b (b ≠ 0).</summary>
    public static BigInteger FloorDivide(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        if (!r.IsZero && (r.Sign != b.Sign))
        {
            q -= 1;
        }

        return q;
    }

    /// <summary>a % b with the sign of b (b ≠ 0).</summary>
    public static BigInteger Modulo(BigInteger a, BigInteger b)
    {
        var r = BigInteger.Remainder(a, b);
        if (!r.IsZero && (r.Sign != b.Sign))
        {
            r += b;
        }

        return r;
    }

    /// <summary>a ** e for e ≥ 0 by squaring, false on overflow.</summary>
    public static bool TryPower(long a, long e, out long r)
    {
        r = 1;
        var b = a;
        while (e > 0)
        {
            if ((e & 1) != 0 && !TryMultiply(r, b, out r))
            {
                return false;
            }

            e >>= 1;
            if (e > 0 && !TryMultiply(b, b, out b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>a ** e for e ≥ 0; <see cref="NumberStatus.NoMemory"/> when the result would exceed <see cref="MaxBits"/>.</summary>
    public static NumberStatus Power(BigInteger a, BigInteger e, out BigInteger r)
    {
        r = BigInteger.One;
        if (e.IsZero || a.IsOne)
        {
            return NumberStatus.Ok;
        }

        if (a.IsZero)
        {
            r = BigInteger.Zero;
            return NumberStatus.Ok;
        }

        if (a == BigInteger.MinusOne)
        {
            r = e.IsEven ? BigInteger.One : BigInteger.MinusOne;
            return NumberStatus.Ok;
        }

        // |a| ≥ 2: the result has at least e + 1 bits.
        var bits = BigInteger.Abs(a).GetBitLength() - 1;
        if (e > MaxBits || (bits * (long)e) > MaxBits)
        {
            return NumberStatus.NoMemory;
        }

        r = BigInteger.Pow(a, (int)e);
        return NumberStatus.Ok;
    }

    /// <summary>a &lt;&lt; n for n ≥ 0 that fits; <see cref="NumberStatus.NoMemory"/> beyond <see cref="MaxBits"/>.</summary>
    public static NumberStatus LeftShift(BigInteger a, long n, out BigInteger r)
    {
        r = BigInteger.Zero;
        if (a.IsZero)
        {
            return NumberStatus.Ok;
        }

        if (n > MaxBits || BigInteger.Abs(a).GetBitLength() + n > MaxBits)
        {
            return NumberStatus.NoMemory;
        }

        r = a << (int)n;
        return NumberStatus.Ok;
    }

    /// <summary>a &gt;&gt; n for n ≥ 0 (floor, like Python's arithmetic shift).</summary>
    public static BigInteger RightShift(BigInteger a, long n)
    {
        if (n >= BigInteger.Abs(a).GetBitLength() + 1)
        {
            return a.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero;
        }

        return a >> (int)n;
    }

    /// <summary>a &lt;&lt; n for 0 ≤ n, false when the result does not fit in a long.</summary>
    public static bool TryLeftShift(long a, long n, out long r)
    {
        r = 0;
        if (a == 0)
        {
            return true;
        }

        if (n >= 64)
        {
            return false;
        }

        r = a << (int)n;
        return (r >> (int)n) == a;
    }

    /// <summary>a &gt;&gt; n for 0 ≤ n (floor).</summary>
    public static long RightShift(long a, long n) => n >= 64 ? (a < 0 ? -1 : 0) : a >> (int)n;

    /// <summary>The double nearest to <paramref name="v"/> (ties to even), false when it is beyond a double's range (PyLong_AsDouble).</summary>
    public static bool TryToDouble(BigInteger v, out double d)
    {
        if (v >= long.MinValue && v <= long.MaxValue)
        {
            d = (long)v; // the hardware conversion rounds to nearest even
            return true;
        }

        var n = BigInteger.Abs(v);
        var bits = n.GetBitLength();
        if (bits > DblMaxExp)
        {
            d = 0;
            return false;
        }

        // Keep 55 bits and fold everything below into a sticky bit: converting those 55
        // bits to double then rounds exactly as rounding the whole number would.
        var shift = (int)(bits - 55);
        var top = (long)(n >> shift);
        if (BigInteger.TrailingZeroCount(n) < shift)
        {
            top |= 1;
        }

        d = Math.ScaleB(top, shift);
        if (double.IsInfinity(d))
        {
            return false;
        }

        d = v.Sign < 0 ? -d : d;
        return true;
    }

    /// <summary>
    /// a / b correctly rounded (long_true_divide), b ≠ 0; false when the quotient is beyond a
    /// double's range ("integer division result too large for a float").
    /// </summary>
    public static bool TryTrueDivide(BigInteger a, BigInteger b, out double d)
    {
        var negate = (a.Sign < 0) != (b.Sign < 0);
        var n = BigInteger.Abs(a);
        var m = BigInteger.Abs(b);
        const long exact = 1L << DblMantDig;

        // Fast path: both operands are exact doubles, so one IEEE division rounds correctly.
        if (n <= exact && m <= exact)
        {
            d = (double)(long)a / (long)b;
            return true;
        }

        if (n.IsZero)
        {
            d = negate ? -0.0 : 0.0;
            return true;
        }

        var diff = n.GetBitLength() - m.GetBitLength();

        // Now 2**(diff-1) < a/b < 2**(diff+1).
        if (diff > DblMaxExp)
        {
            d = 0;
            return false;
        }

        if (diff < DblMinExp - DblMantDig - 1)
        {
            d = negate ? -0.0 : 0.0;
            return true;
        }

        // Scale so that the quotient has DBL_MANT_DIG + 2 or + 3 bits (fewer for subnormals).
        var shift = Math.Max(diff, DblMinExp) - DblMantDig - 2;
        var inexact = false;
        BigInteger x;
        if (shift <= 0)
        {
            x = n << (int)-shift;
        }
        else
        {
            x = n >> (int)shift;
            inexact = BigInteger.TrailingZeroCount(n) < shift;
        }

        x = BigInteger.DivRem(x, m, out var rem);
        if (!rem.IsZero)
        {
            inexact = true;
        }

        var xBits = x.GetBitLength();
        var extraBits = (int)(Math.Max(xBits, DblMinExp - shift) - DblMantDig);

        // Round half to even on the extra bits, with the inexact flag as the sticky bit.
        var mask = 1L << (extraBits - 1);
        var lowMask = (1L << (extraBits + 1)) - 1;
        var low = (long)(x & lowMask) | (inexact ? 1L : 0L);
        x -= x & lowMask;
        if ((low & mask) != 0 && (low & ((3 * mask) - 1)) != 0)
        {
            low += mask;
        }

        x += low & ~((2 * mask) - 1);
        var dx = (double)(long)x; // at most DBL_MANT_DIG significant bits: exact
        var resultBits = shift + x.GetBitLength();
        if (resultBits > DblMaxExp)
        {
            d = 0;
            return false;
        }

        d = Math.ScaleB(dx, (int)shift);
        if (double.IsInfinity(d))
        {
            d = 0;
            return false;
        }

        d = negate ? -d : d;
        return true;
    }

    /// <summary>Compares an integer with a double exactly: -1, 0, 1, or 2 when <paramref name="f"/> is nan (unordered).</summary>
    public static int CompareWithDouble(long i, double f)
    {
        if (double.IsNaN(f))
        {
            return 2;
        }

        const long exact = 1L << DblMantDig;
        if (i >= -exact && i <= exact)
        {
            // i converts exactly.
            var di = (double)i;
            return di < f ? -1 : di > f ? 1 : 0;
        }

        return CompareWithDouble(new BigInteger(i), f);
    }

    /// <summary>Compares an integer with a double exactly: -1, 0, 1, or 2 when <paramref name="f"/> is nan (unordered).</summary>
    public static int CompareWithDouble(BigInteger i, double f)
    {
        if (double.IsNaN(f))
        {
            return 2;
        }

        if (double.IsInfinity(f))
        {
            return f > 0 ? -1 : 1;
        }

        var floor = Math.Floor(f);
        var c = i.CompareTo(new BigInteger(floor)); // exact: floor is an integral double
        if (c == 0 && f != floor)
        {
            return -1; // i == floor(f) < f
        }

        return c;
    }
}
