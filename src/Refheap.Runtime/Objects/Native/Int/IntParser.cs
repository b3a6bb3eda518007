using System.Numerics;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// Text to integer as <c>int(text, base)</c> reads it (PyLong_FromString): surrounding
/// whitespace, a sign, for base 0 a 0x/0o/0b prefix (2.7 also a leading 0 for octal), an
/// optional matching prefix for bases 16, 8 and 2, and in 3.x single underscores between
/// digits.
/// </summary>
internal static class IntParser
{
    /// <summary>Parses <paramref name="text"/> in <paramref name="numberBase"/> (0 or 2..36); false when it is not a valid literal.</summary>
    /// <param name="text">The text.</param>
    /// <param name="numberBase">0 (guess from the prefix) or 2..36.</param>
    /// <param name="underscores">3.6+: single underscores may separate digits.</param>
    /// <param name="legacyOctal">2.7: with base 0 a leading 0 means octal ("010" is 8); 3.x rejects it.</param>
    /// <param name="value">The value.</param>
    public static bool TryParse(ReadOnlySpan<char> text, int numberBase, bool underscores, bool legacyOctal, out BigInteger value)
    {
        value = BigInteger.Zero;
        var s = text.Trim();
        var negative = false;
        if (!s.IsEmpty && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        var afterPrefix = false;
        if (s.Length >= 2 && s[0] == '0')
        {
            var p = char.ToLowerInvariant(s[1]);
            var prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (prefixBase != 0 && (numberBase == 0 || numberBase == prefixBase))
            {
                numberBase = prefixBase;
                s = s[2..];
                afterPrefix = true;
            }
        }

        if (numberBase == 0)
        {
            if (s.Length > 1 && s[0] == '0')
            {
                if (!legacyOctal)
                {
                    // 3.x: "0", "00" and "0_0" are zero; any other leading zero is an error.
                    foreach (var c in s)
                    {
                        if (c != '0' && !(underscores && c == '_'))
                        {
                            return false;
                        }
                    }
                }

                numberBase = legacyOctal ? 8 : 10;
            }
            else
            {
                numberBase = 10;
            }
        }

        if (s.IsEmpty)
        {
            return false;
        }

        var result = BigInteger.Zero;
        var previousUnderscore = !afterPrefix; // an underscore may follow a prefix, never lead
        var digits = 0;
        ulong chunk = 0;
        var chunkDigits = 0;
        ulong chunkScale = 1;
        foreach (var c in s)
        {
            if (c == '_')
            {
                if (!underscores || previousUnderscore)
                {
                    return false;
                }

                previousUnderscore = true;
                continue;
            }

            var d = DigitValue(c);
            if (d < 0 || d >= numberBase)
            {
                return false;
            }

            previousUnderscore = false;
            digits++;

            // Accumulate up to 12 digits in a ulong before touching the big integer.
            chunk = (chunk * (ulong)numberBase) + (ulong)d;
            chunkScale *= (ulong)numberBase;
            if (++chunkDigits == 12)
            {
                result = (result * chunkScale) + chunk;
                chunk = 0;
                chunkScale = 1;
                chunkDigits = 0;
            }
        }

        if (digits == 0 || previousUnderscore)
        {
            return false;
        }

        result = (result * chunkScale) + chunk;
        value = negative ? -result : result;
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };
}
