using System.Globalization;
using System.Text;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Str.Formatting;

namespace Refheap.Objects.Native.Str;

/// <summary>
/// The methods 3.x's str has and 2.7's does not: casefold, format_map, isascii, isdecimal,
/// isnumeric, isidentifier, isprintable, removeprefix and removesuffix. The character classes
/// come from .NET's Unicode tables, which match CPython's for the characters programs meet;
/// casefold adds the full foldings that differ from lowercasing (ß → ss, the ligatures...).
/// </summary>
internal static unsafe class StrUnicodeMethods
{
    /// <summary>The methods; none for a 2.7 heap.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        if (heap.Profile.Wording == ErrorWording.Cpython27)
        {
            return [];
        }

        return
        [
            new("casefold", ArgumentSpec.NoArgs, static (h, self, _) => h.NewString(CaseFold(StrType.AsSpan(self)))),
            new("format_map", ArgumentSpec.One, static (h, self, a) => StrFormatter.FormatMap(h, StrType.AsString(self), a[0])),
            new("isascii", ArgumentSpec.NoArgs, static (h, self, _) => h.NewBool(Ascii.IsValid(StrType.AsSpan(self)))),
            new("isdecimal", ArgumentSpec.NoArgs, static (h, self, _) => h.NewBool(AllOf(StrType.AsSpan(self), IsDecimal))),
            new("isnumeric", ArgumentSpec.NoArgs, static (h, self, _) => h.NewBool(AllOf(StrType.AsSpan(self), IsNumeric))),
            new("isidentifier", ArgumentSpec.NoArgs, static (h, self, _) => h.NewBool(IsIdentifier(StrType.AsSpan(self)))),
            new("isprintable", ArgumentSpec.NoArgs, static (h, self, _) => h.NewBool(NoneUnprintable(StrType.AsSpan(self)))),
            new("removeprefix", ArgumentSpec.One, static (h, self, a) => RemoveAffix(h, self, a[0], "removeprefix", atEnd: false)),
            new("removesuffix", ArgumentSpec.One, static (h, self, a) => RemoveAffix(h, self, a[0], "removesuffix", atEnd: true)),
        ];
    }

    /// <summary>Whether the text is not empty and every character passes.</summary>
    private static bool AllOf(ReadOnlySpan<char> s, Func<char, bool> test)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!test(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDecimal(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;

    /// <summary>Numeric_Type Decimal, Digit or Numeric: every character with a numeric value.</summary>
    private static bool IsNumeric(char c) => CharUnicodeInfo.GetNumericValue(c) != -1
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>XID_Start (or _) then XID_Continue characters, as the tokenizer's identifiers.</summary>
    private static bool IsIdentifier(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !(s[0] == '_' || IsIdentifierStart(s[0])))
        {
            return false;
        }

        foreach (var c in s[1..])
        {
            var continues = IsIdentifierStart(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c)
                is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
            if (!continues)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierStart(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    /// <summary>No character is a control, format, surrogate, private-use, unassigned or separator other than the space.</summary>
    private static bool NoneUnprintable(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c == ' ')
            {
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Full case folding: Unicode's foldings where they are not the lower case, else the invariant lowercase.</summary>
    private static string CaseFold(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (SpecialCasing.Fold.TryGetValue(c, out var folded))
            {
                sb.Append(folded);
            }
            else if (SpecialCasing.Lower.TryGetValue(c, out var lower))
            {
                sb.Append(lower);
            }
            else
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>s.removeprefix(p)</c> / <c>s.removesuffix(p)</c>: the rest when it matches, else the
    /// text unchanged (an exact str itself).
    /// </summary>
    private static PyRef RemoveAffix(Heap heap, PyObject* self, PyObject* affix, string name, bool atEnd)
    {
        if (!Heap.IsInstance(affix, heap.Types.Str))
        {
            return heap.RaiseTypeError($"{name}() argument must be str, not {affix->Type->Descriptor.Name}");
        }

        var s = StrType.AsSpan(self);
        var a = StrType.AsSpan(affix);
        var matches = a.Length > 0 && (atEnd ? s.EndsWith(a, StringComparison.Ordinal) : s.StartsWith(a, StringComparison.Ordinal));
        if (!matches)
        {
            return self->Type == heap.Types.Str.TypeObject ? new PyRef(self).NewRef() : heap.NewString(s);
        }

        return heap.NewString(atEnd ? s[..^a.Length] : s[a.Length..]);
    }
}
