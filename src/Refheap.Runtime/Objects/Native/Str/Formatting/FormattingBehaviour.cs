namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// Where string formatting differs between the profiles' CPythons: one named property per
/// difference, picked once per profile (<see cref="Of"/>), as the profile's other behaviours.
/// </summary>
internal sealed class FormattingBehaviour
{
    private FormattingBehaviour()
    {
    }

    /// <summary>CPython 2.7.18.</summary>
    public static FormattingBehaviour Py27 { get; } = new()
    {
        UnderscoreGrouping = false,
        NegativeZeroFlag = false,
        ZeroPadsStrings = false,
        AlternateFloats = false,
        EmptyTypeFloatPrecision = 12,
        ObjectFormatTakesSpecs = true,
        OctalPrefix = "0",
        AsciiConversion = false,
        PercentTakesWidth = true,
        FloatsFormatAsHex = true,
        FieldsHaveParts = false,
        Wording27 = true,
    };

    /// <summary>CPython 3.12.</summary>
    public static FormattingBehaviour Py312 { get; } = new()
    {
        UnderscoreGrouping = true,
        NegativeZeroFlag = true,
        ZeroPadsStrings = true,
        AlternateFloats = true,
        EmptyTypeFloatPrecision = -1,
        ObjectFormatTakesSpecs = false,
        OctalPrefix = "0o",
        AsciiConversion = true,
        PercentTakesWidth = false,
        FloatsFormatAsHex = false,
        FieldsHaveParts = true,
        Wording27 = false,
    };

    /// <summary>3.6+: <c>_</c> groups digits (PEP 515).</summary>
    public bool UnderscoreGrouping { get; private init; }

    /// <summary>3.11+: the <c>z</c> flag turns a negative zero positive (PEP 682).</summary>
    public bool NegativeZeroFlag { get; private init; }

    /// <summary>3.10+: a <c>0</c> before the width pads a string with zeros (2.7: it asks for '=' alignment, an error for strings).</summary>
    public bool ZeroPadsStrings { get; private init; }

    /// <summary>3.x: <c>#</c> is allowed for floats (keep the point and trailing zeros); 2.7 rejects it in <c>format()</c>.</summary>
    public bool AlternateFloats { get; private init; }

    /// <summary>
    /// A float formatted with no type and no precision: 2.7 uses <c>str</c>'s 12 digits,
    /// 3.x the shortest repr (-1).
    /// </summary>
    public int EmptyTypeFloatPrecision { get; private init; }

    /// <summary>2.7: <c>object.__format__</c> formats <c>str(self)</c> with any spec; 3.4+: only the empty spec.</summary>
    public bool ObjectFormatTakesSpecs { get; private init; }

    /// <summary>The alternate form's octal prefix: <c>0</c> (2.7) or <c>0o</c>.</summary>
    public string OctalPrefix { get; private init; } = "";

    /// <summary>3.x: <c>!a</c> and <c>%a</c> (ascii).</summary>
    public bool AsciiConversion { get; private init; }

    /// <summary>2.7: <c>'%5%'</c> pads the percent sign; 3.x reads the width and then wants an argument.</summary>
    public bool PercentTakesWidth { get; private init; }

    /// <summary>2.7: <c>%x</c>, <c>%o</c> and <c>%X</c> accept a float (truncated); 3.x wants an integer.</summary>
    public bool FloatsFormatAsHex { get; private init; }

    /// <summary>
    /// 3.x: a replacement field is scanned as name (with brackets), conversion, then spec (with
    /// nested braces); 2.7 only balances braces.
    /// </summary>
    public bool FieldsHaveParts { get; private init; }

    /// <summary>Whether messages are 2.7's.</summary>
    public bool Wording27 { get; private init; }

    /// <summary>The behaviour of a profile.</summary>
    public static FormattingBehaviour Of(Profile profile) => profile.Wording == ErrorWording.Cpython27 ? Py27 : Py312;
}
