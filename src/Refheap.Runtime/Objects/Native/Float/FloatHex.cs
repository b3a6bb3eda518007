using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Objects.Native.Float;

/// <summary>
/// A float's exact forms: <c>float.hex()</c> (float_hex), <c>float.fromhex(s)</c>
/// (float_fromhex, correctly rounded half to even, subnormals included) and
/// <c>float.as_integer_ratio()</c>'s lowest-terms fraction.
/// </summary>
internal static class FloatHex
{
    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;

    /// <summary>The lowest exponent of a float's least significant bit (the smallest subnormal's).</summary>
    private const int MinLsbExponent = -1074;

    /// <summary><c>x.hex()</c>: <c>[-]0x1.hhhhhhhhhhhhhp±e</c>, a subnormal as <c>0x0.hhhhhhhhhhhhhp-1022</c>, zero as <c>0x0.0p+0</c>.</summary>
    public static string ToHex(double x)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "inf" : "-inf";
        }

        var sign = double.IsNegative(x) ? "-" : "";
        if (x == 0)
        {
            return sign + "0x0.0p+0";
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var biased = (int)((bits >> MantissaBits) & 0x7ff);
        var fraction = bits & ((1L << MantissaBits) - 1);
        var lead = biased == 0 ? 0 : 1;
        var exponent = biased == 0 ? 1 - ExponentBias : biased - ExponentBias;
        var expSign = exponent < 0 ? "-" : "+";
        return $"{sign}0x{lead}.{fraction.ToString("x13", CultureInfo.InvariantCulture)}p{expSign}{Math.Abs(exponent)}";
    }

    /// <summary>
    /// The exact fraction of a finite <paramref name="x"/>: <paramref name="numerator"/> over a
    /// power-of-two <paramref name="denominator"/>, in lowest terms.
    /// </summary>
    public static void IntegerRatio(double x, out BigInteger numerator, out BigInteger denominator)
    {
        denominator = BigInteger.One;
        if (x == 0)
        {
            numerator = BigInteger.Zero;
            return;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var biased = (int)((bits >> MantissaBits) & 0x7ff);
        var mantissa = bits & ((1L << MantissaBits) - 1);
        if (biased != 0)
        {
            mantissa |= 1L << MantissaBits;
        }

        // x = mantissa * 2^lsb.
        var lsb = (biased == 0 ? 1 : biased) - ExponentBias - MantissaBits;
        if (lsb >= 0)
        {
            numerator = new BigInteger(mantissa) << lsb;
        }
        else
        {
            var shift = Math.Min(BitOperations.TrailingZeroCount(mantissa), -lsb);
            numerator = new BigInteger(mantissa >> shift);
            denominator = BigInteger.One << (-lsb - shift);
        }

        if (x < 0)
        {
            numerator = -numerator;
        }
    }

    /// <summary>
    /// Parses <c>[ws][sign](inf|infinity|nan|[0x]h*[.h*][p[sign]d+])[ws]</c> (at least one hex
    /// digit), rounding the exact value to the nearest float, ties to even. False when the text
    /// is no such string, or (<paramref name="overflow"/>) its value is too large for a float.
    /// </summary>
    public static bool TryParse(string s, out double value, out bool overflow)
    {
        value = 0;
        overflow = false;
        var i = 0;
        var end = s.Length;
        while (i < end && IsSpace(s[i]))
        {
            i++;
        }

        while (end > i && IsSpace(s[end - 1]))
        {
            end--;
        }

        var negative = false;
        if (i < end && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        var word = s[i..end].ToLowerInvariant();
        if (word is "inf" or "infinity" or "nan")
        {
            value = word == "nan" ? double.NaN : double.PositiveInfinity;
            value = negative ? -value : value;
            return true;
        }

        if (end - i >= 2 && s[i] == '0' && s[i + 1] is 'x' or 'X')
        {
            i += 2;
        }

        var coefficient = BigInteger.Zero;
        var digits = 0;
        var fractionDigits = 0;
        var seenPoint = false;
        for (; i < end; i++)
        {
            var c = s[i];
            if (c == '.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                break;
            }

            coefficient = (coefficient << 4) + HexValue(c);
            digits++;
            fractionDigits += seenPoint ? 1 : 0;
        }

        if (digits == 0)
        {
            return false;
        }

        var exponent = BigInteger.Zero;
        if (i < end && s[i] is 'p' or 'P')
        {
            i++;
            var expNegative = false;
            if (i < end && s[i] is '+' or '-')
            {
                expNegative = s[i] == '-';
                i++;
            }

            var start = i;
            while (i < end && char.IsAsciiDigit(s[i]))
            {
                exponent = (exponent * 10) + (s[i] - '0');
                i++;
            }

            if (i == start)
            {
                return false;
            }

            exponent = expNegative ? -exponent : exponent;
        }

        if (i != end)
        {
            return false;
        }

        if (coefficient.IsZero)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }

        // value = coefficient * 2^scale; far outside the float range the answer is known.
        var scale = exponent - (4 * fractionDigits);
        var top = scale + (long)coefficient.GetBitLength() - 1;
        if (top > 1100)
        {
            overflow = true;
            return false;
        }

        if (top < -1100)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }

        value = Round(coefficient, (int)scale, (int)top);
        if (double.IsInfinity(value))
        {
            overflow = true;
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>coefficient * 2^scale (top: its highest bit's exponent) to 53 bits, or fewer below the normal range, ties to even.</summary>
    private static double Round(BigInteger coefficient, int scale, int top)
    {
        var lsb = Math.Max(top - MantissaBits, MinLsbExponent);
        var shift = lsb - scale;
        if (shift <= 0)
        {
            return Math.ScaleB((double)(coefficient << -shift), lsb);
        }

        var q = coefficient >> shift;
        var rest = coefficient - (q << shift);
        var half = BigInteger.One << (shift - 1);
        if (rest > half || (rest == half && !q.IsEven))
        {
            q += 1;
        }

        return Math.ScaleB((double)q, lsb);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>Py_ISSPACE: the ASCII whitespace CPython strips.</summary>
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';
}
