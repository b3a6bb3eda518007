namespace Refheap.Python.Builtins;

/// <summary>
/// Where the builtins differ between the dialects' CPythons: one named property per difference,
/// picked once per dialect.
/// </summary>
internal sealed class BuiltinsBehaviour
{
    private BuiltinsBehaviour()
    {
    }

    /// <summary>CPython 2.7.18.</summary>
    public static BuiltinsBehaviour Py27 { get; } = new()
    {
        Messages27 = true,
        RangeReturnsList = true,
        FunctionalBuiltinsReturnLists = true,
        RoundHalfEvenToInt = false,
        MinMaxDefault = false,
        SumStartKeyword = false,
        CharacterLimit = 0x100,
        OctalPrefix = "0",
        LongSuffix = true,
        HasAttrSwallowsAllErrors = true,
        Ascii = false,
        SortedTakesCmp = true,
        Python2Names = true,
        CompensatedFloatSum = false,
    };

    /// <summary>CPython 3.12.</summary>
    public static BuiltinsBehaviour Py312 { get; } = new()
    {
        Messages27 = false,
        RangeReturnsList = false,
        FunctionalBuiltinsReturnLists = false,
        RoundHalfEvenToInt = true,
        MinMaxDefault = true,
        SumStartKeyword = true,
        CharacterLimit = 0x110000,
        OctalPrefix = "0o",
        LongSuffix = false,
        HasAttrSwallowsAllErrors = false,
        Ascii = true,
        SortedTakesCmp = false,
        Python2Names = false,
        CompensatedFloatSum = true,
    };

    /// <summary>Argument errors as 2.7 words them ("expected 1 arguments, got 0", "takes at least ...").</summary>
    public bool Messages27 { get; private init; }

    /// <summary>2.7: <c>range()</c> returns a list and <c>xrange</c> is the lazy type; 3.x: <c>range</c> is the type.</summary>
    public bool RangeReturnsList { get; private init; }

    /// <summary>2.7: <c>map</c>, <c>filter</c> and <c>zip</c> are functions returning lists; 3.x: lazy iterator types.</summary>
    public bool FunctionalBuiltinsReturnLists { get; private init; }

    /// <summary>3.x: <c>round</c> ties to even and <c>round(x)</c> is an int; 2.7: ties away from zero, always a float.</summary>
    public bool RoundHalfEvenToInt { get; private init; }

    /// <summary>3.4+: <c>min</c>/<c>max</c> take <c>default=</c>.</summary>
    public bool MinMaxDefault { get; private init; }

    /// <summary>3.8+: <c>sum(iterable, start=0)</c> takes <c>start</c> by name.</summary>
    public bool SumStartKeyword { get; private init; }

    /// <summary><c>chr</c>'s limit: 256 (2.7, bytes) or 0x110000.</summary>
    public int CharacterLimit { get; private init; }

    /// <summary><c>oct()</c>'s prefix.</summary>
    public string OctalPrefix { get; private init; } = "";

    /// <summary>2.7: <c>hex</c> and <c>oct</c> of a long end with <c>L</c>.</summary>
    public bool LongSuffix { get; private init; }

    /// <summary>2.7: <c>hasattr</c> is False on any Exception; 3.2+: only on AttributeError.</summary>
    public bool HasAttrSwallowsAllErrors { get; private init; }

    /// <summary>3.x: <c>ascii()</c>.</summary>
    public bool Ascii { get; private init; }

    /// <summary>2.7: <c>sorted(iterable, cmp=None, key=None, reverse=False)</c>.</summary>
    public bool SortedTakesCmp { get; private init; }

    /// <summary>3.12: <c>sum</c> of floats is compensated (Neumaier), so <c>sum([0.1] * 10) == 1.0</c>.</summary>
    public bool CompensatedFloatSum { get; private init; }

    /// <summary>2.7: <c>unichr</c>, <c>cmp</c> and the <c>long</c> type.</summary>
    public bool Python2Names { get; private init; }

    /// <summary>The behaviour of a dialect.</summary>
    public static BuiltinsBehaviour Of(PythonDialect dialect) => dialect.PrintIsStatement ? Py27 : Py312;
}
