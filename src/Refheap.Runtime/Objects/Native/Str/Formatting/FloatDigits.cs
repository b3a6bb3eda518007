using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// The digits of a finite double in the <c>e</c>, <c>f</c>, <c>g</c> and repr presentations,
/// correctly rounded (half to even on the exact binary value, as David Gay's dtoa does for
/// CPython), without sign, padding or grouping.
/// </summary>
/// <remarks>
/// A double is m × 2**e exactly; x × 10**k is rounded as the exact fraction
/// m × 2**e × 10**k, in big integers, so that ties such as <c>'%.0f' % 2.5</c> go to even
/// and <c>'%.2f' % 2.675</c> sees the binary value just below 2.675.
/// </remarks>
internal static class FloatDigits
{
    // Bounds on the digits of a double's exact decimal value (2**-1074 has 1074 after the point; 767 significant digits at most).
    private const int ExactFractionDigits = 1080;
    private const int ExactSignificantDigits = 780;

    /// <summary>
    /// <c>x</c> (finite, not negative) with <paramref name="decimals"/> digits after the point
    /// (<c>f</c>); <paramref name="alternate"/> keeps the point when there are no decimals.
    /// </summary>
    public static string Fixed(double x, int decimals, bool alternate)
    {
        // A double's exact value has at most 1074 digits after the point: the rest are zeros.
        var exactDecimals = Math.Min(decimals, ExactFractionDigits);
        var n = RoundScaled(x, exactDecimals).ToString(System.Globalization.CultureInfo.InvariantCulture) + new string('0', decimals - exactDecimals);
        if (decimals == 0)
        {
            return alternate ? n + "." : n;
        }

        if (n.Length <= decimals)
        {
            n = new string('0', decimals - n.Length + 1) + n;
        }

        return string.Concat(n.AsSpan(0, n.Length - decimals), ".", n.AsSpan(n.Length - decimals));
    }

    /// <summary>
    /// <c>x</c> (finite, not negative) in exponent form with <paramref name="decimals"/> digits
    /// after the point (<c>e</c>); <paramref name="upper"/> writes <c>E</c>.
    /// </summary>
    public static string Exponent(double x, int decimals, bool alternate, bool upper)
    {
        var (digits, exponent) = Significant(x, decimals + 1);
        var sb = new StringBuilder(decimals + 8);
        sb.Append(digits[0]);
        if (decimals > 0 || alternate)
        {
            sb.Append('.');
        }

        sb.Append(digits, 1, digits.Length - 1);
        return AppendExponent(sb, exponent, upper).ToString();
    }

    /// <summary>
    /// <c>x</c> (finite, not negative) as <c>g</c> writes it with <paramref name="precision"/>
    /// significant digits (0 means 1): exponent form when the exponent is below -4 or not below
    /// the precision (with <paramref name="addDotZero"/>, the precision less one, and ".0" is added to
    /// integral values); trailing zeros removed unless <paramref name="alternate"/>.
    /// </summary>
    public static string General(double x, int precision, bool alternate, bool upper, bool addDotZero)
    {
        if (precision == 0)
        {
            precision = 1;
        }

        string digits;
        int exponent;
        if (x == 0)
        {
            (digits, exponent) = (new string('0', precision), 0);
        }
        else
        {
            (digits, exponent) = Significant(x, precision);
        }

        if (!alternate)
        {
            digits = digits.TrimEnd('0');
            if (digits.Length == 0)
            {
                digits = "0";
            }
        }

        var useExponent = exponent < -4 || exponent >= (addDotZero ? precision - 1 : precision);
        return Layout(digits, exponent, useExponent, upper, alternate, addDotZero);
    }

    /// <summary>repr(x) for finite, not negative x: the shortest digits that read back, laid out as CPython's <c>r</c> mode.</summary>
    public static string Repr(double x)
    {
        if (x == 0)
        {
            return "0.0";
        }

        var (digits, exponent) = ShortestDigits(x.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        return Layout(digits, exponent, exponent < -4 || exponent >= 16, upper: false, alternate: false, addDotZero: true);
    }

    // Parses .NET's round-trip text ("1.5E-05", "123.25") into significant digits and the exponent of the first.
    private static (string Digits, int Exponent) ShortestDigits(string text)
    {
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exp = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), System.Globalization.CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intDigits = point < 0 ? mantissa.Length : point;
        var all = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        var digits = all[leading..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, intDigits + exp - leading - 1);
    }

    // CPython's format_float_short layout of DIGITS × 10**(exponent - len + 1).
    private static string Layout(string digits, int exponent, bool useExponent, bool upper, bool alternate, bool addDotZero)
    {
        var sb = new StringBuilder(digits.Length + 8);
        if (useExponent)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1 || alternate)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            return AppendExponent(sb, exponent, upper).ToString();
        }

        var decpt = exponent + 1;
        if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length);
            if (alternate)
            {
                sb.Append('.');
            }
            else if (addDotZero)
            {
                sb.Append(".0");
            }
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }

        return sb.ToString();
    }

    private static StringBuilder AppendExponent(StringBuilder sb, int exponent, bool upper)
    {
        sb.Append(upper ? 'E' : 'e').Append(exponent < 0 ? '-' : '+');
        var abs = Math.Abs(exponent);
        return sb.Append(abs < 10 ? "0" : "").Append(abs);
    }

    /// <summary>The first <paramref name="count"/> significant digits of x &gt; 0 (or of 0) and the decimal exponent of the first.</summary>
    private static (string Digits, int Exponent) Significant(double x, int count)
    {
        if (x == 0)
        {
            return (new string('0', count), 0);
        }

        // A double's exact value has at most 767 significant digits: the rest are zeros.
        if (count > ExactSignificantDigits)
        {
            var (exact, e) = Significant(x, ExactSignificantDigits);
            return (exact + new string('0', count - ExactSignificantDigits), e);
        }

        var exponent = (int)Math.Floor(Math.Log10(x));
        var low = BigInteger.Pow(10, count - 1);
        var high = low * 10;
        // Log10 may be off by one near powers of ten, and rounding may carry into a new digit: adjust and redo.
        while (true)
        {
            var n = RoundScaled(x, count - 1 - exponent);
            if (n >= high)
            {
                exponent++;
            }
            else if (n < low)
            {
                exponent--;
            }
            else
            {
                return (n.ToString(System.Globalization.CultureInfo.InvariantCulture), exponent);
            }
        }
    }

    /// <summary>
    /// <c>round(x, ndigits)</c> for finite x: the double nearest to x rounded at 10**-ndigits on
    /// its exact value, ties to even (3.x) or away from zero (2.7, <paramref name="halfEven"/> false).
    /// </summary>
    public static double RoundToDecimals(double x, int ndigits, bool halfEven)
    {
        var abs = Math.Abs(x);
        var q = RoundScaled(abs, ndigits, halfEven);
        var text = ndigits >= 0
            ? $"{q.ToString(CultureInfo.InvariantCulture)}E-{ndigits.ToString(CultureInfo.InvariantCulture)}"
            : $"{q.ToString(CultureInfo.InvariantCulture)}E{(-ndigits).ToString(CultureInfo.InvariantCulture)}";
        var r = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return x < 0 || double.IsNegative(x) ? -r : r;
    }

    /// <summary>x × 10**k rounded to an integer, half to even (or away from zero), computed exactly.</summary>
    private static BigInteger RoundScaled(double x, int k, bool halfEven = true)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var biased = (int)((bits >> 52) & 0x7ff);
        var fraction = bits & 0xfffffffffffffL;
        var mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        var e = biased == 0 ? -1074 : biased - 1075;
        BigInteger num = mantissa;
        BigInteger den = BigInteger.One;
        if (e >= 0)
        {
            num <<= e;
        }
        else
        {
            den <<= -e;
        }

        if (k >= 0)
        {
            num *= BigInteger.Pow(10, k);
        }
        else
        {
            den *= BigInteger.Pow(10, -k);
        }

        var q = BigInteger.DivRem(num, den, out var r);
        var twice = r * 2;
        if (twice > den || (twice == den && (!halfEven || !q.IsEven)))
        {
            q++;
        }

        return q;
    }
}
