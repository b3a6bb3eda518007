using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// Applies a <see cref="FormatSpec"/> to a str, an integer or a float, as CPython's
/// format_string_internal, format_long_internal and format_float_internal do (the
/// <c>__format__</c> of str, int and float), with their errors.
/// </summary>
internal static class SpecFormatter
{
    /// <summary>A str's <c>__format__</c>; null with ValueError set on a spec a str does not take.</summary>
    public static string? FormatStr(Heap heap, FormattingBehaviour rules, string text, in FormatSpec spec)
    {
        if (spec.Type is not ('\0' or 's'))
        {
            UnknownCode(heap, spec.Type, "str");
            return null;
        }

        if (spec.Sign != '\0')
        {
            heap.RaiseValueError("Sign not allowed in string format specifier");
            return null;
        }

        if (spec.Alternate)
        {
            heap.RaiseValueError("Alternate form (#) not allowed in string format specifier");
            return null;
        }

        if (spec.Align == '=')
        {
            heap.RaiseValueError("'=' alignment not allowed in string format specifier");
            return null;
        }

        if (spec.Grouping != '\0')
        {
            heap.RaiseValueError($"Cannot specify '{spec.Grouping}' with 's'.");
            return null;
        }

        if (spec.Precision >= 0 && spec.Precision < text.Length)
        {
            text = text[..spec.Precision];
        }

        return Pad("", "", text, "", spec, '<');
    }

    /// <summary>An integer's <c>__format__</c> (int, long, bool); null with the error set.</summary>
    public static string? FormatInt(Heap heap, FormattingBehaviour rules, BigInteger value, in FormatSpec spec, string typeName)
    {
        var type = spec.Type == '\0' ? 'd' : spec.Type;
        if (type is 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%')
        {
            if (!IntMathToDouble(heap, rules, value, out var d))
            {
                return null;
            }

            return FormatFloat(heap, rules, d, spec, typeName);
        }

        if (type is not ('b' or 'c' or 'd' or 'o' or 'x' or 'X' or 'n'))
        {
            UnknownCode(heap, spec.Type, typeName);
            return null;
        }

        if (spec.Precision >= 0)
        {
            heap.RaiseValueError("Precision not allowed in integer format specifier");
            return null;
        }

        if (type == 'c')
        {
            if (spec.Sign != '\0')
            {
                heap.RaiseValueError("Sign not allowed with integer format specifier 'c'");
                return null;
            }

            if (spec.Alternate)
            {
                heap.RaiseValueError("Alternate form (#) not allowed with integer format specifier 'c'");
                return null;
            }

            var limit = rules.Wording27 ? 0x100 : 0x110000;
            if (value < 0 || value >= limit)
            {
                heap.RaiseOverflowError(rules.Wording27 ? "%c arg not in range(0x100)" : "%c arg not in range(0x110000)");
                return null;
            }

            return Pad("", "", char.ConvertFromUtf32((int)value), "", spec, '>');
        }

        var negative = value.Sign < 0;
        var digits = IntDigits(BigInteger.Abs(value), type);
        var prefix = spec.Alternate ? type switch { 'b' => "0b", 'o' => "0o", 'x' => "0x", 'X' => "0X", _ => "" } : "";
        return PadNumber(SignText(negative, spec.Sign), prefix, digits, "", spec, type is 'b' or 'o' or 'x' or 'X' ? 4 : 3);
    }

    /// <summary>A float's <c>__format__</c>; null with the error set.</summary>
    public static string? FormatFloat(Heap heap, FormattingBehaviour rules, double value, in FormatSpec spec, string typeName)
    {
        var type = spec.Type;
        if (type is not ('\0' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n' or '%'))
        {
            UnknownCode(heap, type, typeName);
            return null;
        }

        if (spec.Alternate && !rules.AlternateFloats)
        {
            heap.RaiseValueError("Alternate form (#) not allowed in float format specifier");
            return null;
        }

        var negative = double.IsNegative(value) && !double.IsNaN(value);
        var body = FloatBody(Math.Abs(value), type, spec.Precision, spec.Alternate, rules);

        // 'z': a value whose digits came out all zeros loses its sign.
        if (negative && spec.NoNegativeZero && IsZeroMantissa(body))
        {
            negative = false;
        }

        if (type is 'E' or 'F' or 'G')
        {
            body = body.ToUpperInvariant();
        }

        if (!double.IsFinite(value))
        {
            return Pad(SignText(negative, spec.Sign), "", body, "", spec with { Grouping = '\0' }, '>');
        }

        // Split the digits before the point (grouped) from the rest (point, decimals, exponent, %).
        var end = 0;
        while (end < body.Length && char.IsAsciiDigit(body[end]))
        {
            end++;
        }

        return PadNumber(SignText(negative, spec.Sign), "", body[..end], body[end..], spec, 3);
    }

    private static bool IsZeroMantissa(string body)
    {
        var e = body.IndexOfAny(['e', 'E']);
        return (e < 0 ? body : body[..e]).Trim('0').Trim('.').Trim('%').Trim('0').Length == 0;
    }

    // The unsigned text of a finite or special float for one presentation type.
    private static string FloatBody(double x, char type, int precision, bool alternate, FormattingBehaviour rules)
    {
        if (double.IsNaN(x))
        {
            return type == '%' ? "nan%" : "nan";
        }

        if (double.IsInfinity(x))
        {
            return type == '%' ? "inf%" : "inf";
        }

        switch (type)
        {
            case '\0':
                if (precision < 0 && rules.EmptyTypeFloatPrecision < 0)
                {
                    return FloatDigits.Repr(x);
                }

                return FloatDigits.General(x, precision < 0 ? rules.EmptyTypeFloatPrecision : precision, alternate, upper: false, addDotZero: true);
            case 'e':
            case 'E':
                return FloatDigits.Exponent(x, precision < 0 ? 6 : precision, alternate, upper: false);
            case 'f':
            case 'F':
                return FloatDigits.Fixed(x, precision < 0 ? 6 : precision, alternate);
            case '%':
                return FloatDigits.Fixed(x * 100, precision < 0 ? 6 : precision, alternate) + "%";
            default:
                return FloatDigits.General(x, precision < 0 ? 6 : precision, alternate, upper: false, addDotZero: false);
        }
    }

    private static bool IntMathToDouble(Heap heap, FormattingBehaviour rules, BigInteger value, out double d)
    {
        d = (double)value;
        if (double.IsInfinity(d))
        {
            heap.RaiseOverflowError(rules.Wording27 ? "long int too large to convert to float" : "int too large to convert to float");
            return false;
        }

        return true;
    }

    /// <summary>The digits of a non-negative integer in the base of a presentation type (b, o, x, X; else decimal).</summary>
    public static string IntDigits(BigInteger abs, char type)
    {
        var bits = type switch { 'b' => 1, 'o' => 3, 'x' or 'X' => 4, _ => 0 };
        if (bits == 0)
        {
            return abs.ToString(CultureInfo.InvariantCulture);
        }

        var digits = PowerOfTwoDigits(abs, bits);
        return type == 'X' ? digits.ToUpperInvariant() : digits;
    }

    /// <summary>
    /// The digits of a non-negative integer in base 2**<paramref name="bitsPerDigit"/> (1, 3 or 4),
    /// lowercase, read straight from its bytes: linear in its size, so hex() of a huge number is quick.
    /// </summary>
    public static string PowerOfTwoDigits(BigInteger abs, int bitsPerDigit)
    {
        if (abs.IsZero)
        {
            return "0";
        }

        var bytes = abs.ToByteArray(isUnsigned: true, isBigEndian: false);
        var count = (int)((abs.GetBitLength() + bitsPerDigit - 1) / bitsPerDigit);
        var digits = new char[count];
        for (var i = 0; i < count; i++)
        {
            var value = 0;
            for (var k = bitsPerDigit - 1; k >= 0; k--)
            {
                var bit = (i * bitsPerDigit) + k;
                var b = bit >> 3;
                value = (value << 1) | (b < bytes.Length ? (bytes[b] >> (bit & 7)) & 1 : 0);
            }

            digits[count - 1 - i] = "0123456789abcdef"[value];
        }

        return new string(digits);
    }

    private static string SignText(bool negative, char sign) => negative ? "-" : sign switch
    {
        '+' => "+",
        ' ' => " ",
        _ => "",
    };

    // A number's parts padded to the width: the grouping applies to the integer digits, and to
    // zeros that pad them when the fill is '0' with '=' alignment (as CPython's calc_number_widths).
    private static string PadNumber(string sign, string prefix, string digits, string rest, in FormatSpec spec, int groupSize)
    {
        var align = spec.Align == '\0' ? (spec.ZeroPad && !spec.FillGiven ? '=' : '>') : spec.Align;
        var s = spec with { Align = align };
        if (spec.Grouping == '\0')
        {
            return Pad(sign, prefix, digits, rest, s, '>');
        }

        if (align == '=' && s.Fill == '0')
        {
            var room = spec.Width - sign.Length - prefix.Length - rest.Length;
            var count = digits.Length;
            while (count + ((count - 1) / groupSize) < room)
            {
                count++;
            }

            digits = digits.PadLeft(count, '0');
        }

        return Pad(sign, prefix, Group(digits, spec.Grouping, groupSize), rest, s, '>');
    }

    private static string Group(string digits, char separator, int size)
    {
        var sb = new StringBuilder(digits.Length + (digits.Length / size));
        var first = digits.Length % size;
        if (first == 0)
        {
            first = size;
        }

        sb.Append(digits, 0, first);
        for (var i = first; i < digits.Length; i += size)
        {
            sb.Append(separator).Append(digits, i, size);
        }

        return sb.ToString();
    }

    /// <summary>Pads sign + prefix + body + rest to the spec's width with its fill and alignment.</summary>
    public static string Pad(string sign, string prefix, string body, string rest, in FormatSpec spec, char defaultAlign)
    {
        var length = sign.Length + prefix.Length + body.Length + rest.Length;
        var padding = spec.Width - length;
        if (padding <= 0)
        {
            return string.Concat(sign, prefix, body, rest);
        }

        var fill = spec.Fill == '\0' ? ' ' : spec.Fill;
        var align = spec.Align == '\0' ? defaultAlign : spec.Align;
        var pad = new string(fill, padding);
        return align switch
        {
            '<' => string.Concat(sign, prefix, body, rest) + pad,
            '^' => string.Concat(new string(fill, padding / 2), sign, prefix, body) + rest + new string(fill, padding - (padding / 2)),
            '=' => string.Concat(sign, prefix, pad, body) + rest,
            _ => pad + string.Concat(sign, prefix, body, rest),
        };
    }

    /// <summary>Raises CPython's "Unknown format code" error.</summary>
    public static void UnknownCode(Heap heap, char type, string typeName) =>
        heap.RaiseValueError(type > ' ' && type < 0x7f
            ? $"Unknown format code '{type}' for object of type '{typeName}'"
            : $"Unknown format code '\\x{(int)type:x}' for object of type '{typeName}'");
}
