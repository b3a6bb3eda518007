using System.Numerics;
using Refheap.Objects.Native.Int;

namespace Refheap.Objects.Native.Float;

/// <summary>The outcome of a numeric operation that CPython may turn into an exception.</summary>
internal enum NumberStatus
{
    /// <summary>The result is valid.</summary>
    Ok,

    /// <summary>ZeroDivisionError (a division, modulo or power by zero).</summary>
    ZeroDivision,

    /// <summary>OverflowError: the result is out of a double's range (errno ERANGE).</summary>
    Overflow,

    /// <summary>A negative number raised to a fractional power (3.x would make a complex).</summary>
    NegativeFractionalPower,

    /// <summary>MemoryError: the result cannot be held.</summary>
    NoMemory,
}

/// <summary>Float arithmetic and hashing with CPython's special cases (Objects/floatobject.c, Python/pyhash.c).</summary>
internal static class FloatMath
{
    /// <summary>Value of _PyHASH_INF: hash(float('inf')) in 3.x and in 2.7.</summary>
    public const long HashInf = 314159;

    /// <summary>2.7's hash(float('-inf')): its _Py_HashDouble hashes -inf as the long -271828.</summary>
    public const long HashNegInfPy27 = -271828;

    /// <summary>C's frexp: x = m × 2**e with 0.5 ≤ |m| &lt; 1 (m = x for 0, inf and nan, e = 0).</summary>
    public static double Frexp(double x, out int e)
    {
        if (x == 0 || !double.IsFinite(x))
        {
            e = 0;
            return x;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var biased = (int)((bits >> 52) & 0x7FF);
        if (biased == 0)
        {
            // Subnormal: scale into the normal range first.
            var m = Frexp(x * 18014398509481984.0, out var e2); // 2**54
            e = e2 - 54;
            return m;
        }

        e = biased - 1022;
        return BitConverter.Int64BitsToDouble((bits & ~(0x7FFL << 52)) | (1022L << 52));
    }

    /// <summary>
    /// CPython 3's _Py_HashDouble for a finite or infinite value (nan hashes by identity
    /// in 3.10+, which the caller does): the value modulo 2**61 - 1, so that an integral
    /// float hashes as the equal int.
    /// </summary>
    public static long HashModular(double v)
    {
        if (double.IsInfinity(v))
        {
            return v > 0 ? HashInf : -HashInf;
        }

        var m = Frexp(v, out var e);
        var negative = m < 0;
        if (negative)
        {
            m = -m;
        }

        // Process 28 bits at a time; this should work on any IEEE double.
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & LongDigits.HashModulus) | (x >> (LongDigits.HashBits - 28));
            m *= 268435456.0; // 2**28
            e -= 28;
            var y = (ulong)m; // the integer part
            m -= y;
            x += y;
            if (x >= LongDigits.HashModulus)
            {
                x -= LongDigits.HashModulus;
            }
        }

        // Multiply by 2**e, reducing e modulo 61 first (2**61 ≡ 1).
        e = e >= 0 ? e % LongDigits.HashBits : LongDigits.HashBits - 1 - ((-1 - e) % LongDigits.HashBits);
        x = ((x << e) & LongDigits.HashModulus) | (x >> (LongDigits.HashBits - e));
        var h = negative ? -(long)x : (long)x;
        return h == -1 ? -2 : h;
    }

    /// <summary>
    /// CPython 2.7's _Py_HashDouble: an integral value hashes as the equal int or long (inf
    /// as the longs 314159 and -271828), anything else by mixing frexp's mantissa bits and
    /// exponent; nan hashes as 0 (what 2.7 computes on x86-64, where casting nan to long
    /// gives LONG_MIN and the two LONG_MINs cancel).
    /// </summary>
    public static long HashPy27(double v)
    {
        if (double.IsNaN(v))
        {
            return 0;
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? HashInf : HashNegInfPy27;
        }

        var intpart = Math.Truncate(v);
        if (intpart == v)
        {
            // LONG_MAX / 2 in C's integer division, compared as a double.
            const double halfLongMax = 4611686018427387903.0;
            if (intpart > halfLongMax || -intpart > halfLongMax)
            {
                return LongDigits.HashPy27(new BigInteger(intpart));
            }

            var x = (long)intpart;
            return x == -1 ? -2 : x;
        }

        var m = Frexp(v, out var expo);
        m *= 2147483648.0; // 2**31
        var hipart = (long)m; // the top 32 bits
        m = (m - hipart) * 2147483648.0; // the next 32 bits
        var h = unchecked(hipart + (long)m + (expo << 15));
        return h == -1 ? -2 : h;
    }

    /// <summary>x % y with the sign of y, as float_rem (y ≠ 0).</summary>
    public static double Remainder(double vx, double wx)
    {
        var mod = vx % wx; // C's fmod
        if (mod != 0)
        {
            // Ensure the remainder has the same sign as the denominator.
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
            }
        }
        else
        {
            // fmod's signed zero differs across platforms; take the denominator's sign.
            mod = Math.CopySign(0.0, wx);
        }

        return mod;
    }

    /// <summary>divmod(x, y) for floats as float_divmod (y ≠ 0): the floor quotient and the remainder.</summary>
    public static (double Floor, double Mod) DivMod(double vx, double wx)
    {
        var mod = vx % wx;

        // fmod is exact, so vx - mod is a multiple of wx; the division may still be slightly off an integer.
        var div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, wx);
        }

        double floordiv;
        if (div != 0)
        {
            // Snap the quotient to the nearest integral value.
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5)
            {
                floordiv += 1.0;
            }
        }
        else
        {
            // div is zero: take the sign of the true quotient.
            floordiv = Math.CopySign(0.0, vx / wx);
        }

        return (floordiv, mod);
    }

    /// <summary>x ** y as float_pow, with its special cases sorted out before the platform pow.</summary>
    public static NumberStatus Pow(double iv, double iw, out double result)
    {
        result = 0;
        if (iw == 0)
        {
            // v**0 is 1, even 0**0 and nan**0.
            result = 1.0;
            return NumberStatus.Ok;
        }

        if (double.IsNaN(iv))
        {
            result = iv;
            return NumberStatus.Ok;
        }

        if (double.IsNaN(iw))
        {
            // v**nan is nan, except 1**nan = 1.
            result = iv == 1.0 ? 1.0 : iw;
            return NumberStatus.Ok;
        }

        if (double.IsInfinity(iw))
        {
            // v**inf: 0 if |v| < 1, 1 if |v| == 1, inf if |v| > 1; v**-inf the other way round.
            iv = Math.Abs(iv);
            result = iv == 1.0 ? 1.0 : (iw > 0.0) == (iv > 1.0) ? Math.Abs(iw) : 0.0;
            return NumberStatus.Ok;
        }

        var iwIsOdd = IsOddInteger(iw);
        if (double.IsInfinity(iv))
        {
            // (±inf)**w: inf for w > 0, 0 for w < 0, signed when w is an odd integer.
            result = iw > 0.0 ? (iwIsOdd ? iv : Math.Abs(iv)) : (iwIsOdd ? Math.CopySign(0.0, iv) : 0.0);
            return NumberStatus.Ok;
        }

        if (iv == 0.0)
        {
            if (iw < 0.0)
            {
                return NumberStatus.ZeroDivision;
            }

            result = iwIsOdd ? iv : 0.0;
            return NumberStatus.Ok;
        }

        var negate = false;
        if (iv < 0.0)
        {
            if (iw != Math.Floor(iw))
            {
                return NumberStatus.NegativeFractionalPower;
            }

            // iw is an exact (perhaps huge) integer: use |iv| and negate for odd iw.
            iv = -iv;
            negate = iwIsOdd;
        }

        if (iv == 1.0)
        {
            // 1**w is 1, and (-1)**(large integer) lands here too.
            result = negate ? -1.0 : 1.0;
            return NumberStatus.Ok;
        }

        var ix = Math.Pow(iv, iw);
        if (double.IsInfinity(ix))
        {
            // _Py_ADJUST_ERANGE1: an infinite result from finite operands is ERANGE.
            return NumberStatus.Overflow;
        }

        result = negate ? -ix : ix;
        return NumberStatus.Ok;
    }

    // DOUBLE_IS_ODD_INTEGER: fmod(|x|, 2) == 1.
    private static bool IsOddInteger(double x) => Math.Abs(x) % 2.0 == 1.0;
}
