using System.Globalization;
using System.Text;

namespace Refheap.Objects.Native.Float;

/// <summary>
/// Float to text as CPython's PyOS_double_to_string and format_float_short (Python/pystrtod.c)
/// write it: <c>repr</c> is the shortest string that reads back to the same double (both 2.7
/// and 3.x, float_repr_style 'short'); 2.7's <c>str</c> is <c>%.12g</c>.
/// </summary>
/// <remarks>
/// The digits come from .NET, whose "R" format is the shortest round-trip string and whose
/// "E" format rounds the exact binary value half-to-even, as David Gay's dtoa modes 0 and 2
/// do; the layout (where the point goes, when to switch to an exponent, the ".0") is
/// CPython's.
/// </remarks>
internal static class FloatFormat
{
    /// <summary>repr(x) in both versions: exponent form below 1e-4 or from 1e16 on.</summary>
    public static string Repr(double x)
    {
        if (!double.IsFinite(x) || x == 0)
        {
            return Special(x);
        }

        var (digits, decpt) = ShortestDigits(Math.Abs(x));
        return Layout(x < 0, digits, decpt, useExponent: decpt <= -4 || decpt > 16);
    }

    /// <summary>
    /// 2.7's str(x): 12 significant digits ('g' with precision 12 and the ".0" flag), so
    /// exponent form below 1e-4 or from 1e11 on.
    /// </summary>
    public static string StrPy27(double x)
    {
        const int precision = 12;
        if (!double.IsFinite(x) || x == 0)
        {
            return Special(x);
        }

        var (digits, decpt) = RoundedDigits(Math.Abs(x), precision);

        // format_float_short: with Py_DTSF_ADD_DOT_0, 'g' switches at precision - 1.
        return Layout(x < 0, digits, decpt, useExponent: decpt <= -4 || decpt > precision - 1);
    }

    private static string Special(double x)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "inf" : "-inf";
        }

        return double.IsNegative(x) ? "-0.0" : "0.0";
    }

    // The shortest round-trip digits of x > 0, with x = 0.DIGITS × 10**decpt.
    private static (string Digits, int Decpt) ShortestDigits(double x) =>
        Normalize(x.ToString("R", CultureInfo.InvariantCulture));

    // The digits of x > 0 correctly rounded to `precision` significant digits, trailing zeros removed.
    private static (string Digits, int Decpt) RoundedDigits(double x, int precision) =>
        Normalize(x.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    // Parses "123.45", "1.5E-05", "2.00000000000E+016" into (significant digits, decimal point position).
    private static (string Digits, int Decpt) Normalize(string text)
    {
        var e = text.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intDigits = point < 0 ? mantissa.Length : point;
        var all = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        var digits = all[leading..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, intDigits + exponent - leading);
    }

    // format_float_short's layout of DIGITS and decpt, with the ".0" added to integral values.
    private static string Layout(bool negative, string digits, int decpt, bool useExponent)
    {
        var sb = new StringBuilder(digits.Length + 8);
        if (negative)
        {
            sb.Append('-');
        }

        if (useExponent)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var exp = decpt - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+');
            sb.Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }

        return sb.ToString();
    }
}
