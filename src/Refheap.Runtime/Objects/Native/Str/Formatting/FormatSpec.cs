namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// A parsed format specification, <c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>
/// (the standard format specifier mini-language), as CPython's parse_internal_render_format_spec reads it.
/// </summary>
internal readonly record struct FormatSpec
{
    /// <summary>The fill character (space unless given).</summary>
    public char Fill { get; init; }

    /// <summary>Whether a fill character was written.</summary>
    public bool FillGiven { get; init; }

    /// <summary><c>&lt;</c>, <c>&gt;</c>, <c>^</c>, <c>=</c>, or NUL when not given.</summary>
    public char Align { get; init; }

    /// <summary><c>+</c>, <c>-</c>, <c>' '</c>, or NUL when not given.</summary>
    public char Sign { get; init; }

    /// <summary>The <c>z</c> flag: a negative zero is written as a zero.</summary>
    public bool NoNegativeZero { get; init; }

    /// <summary>The <c>#</c> flag.</summary>
    public bool Alternate { get; init; }

    /// <summary>The <c>0</c> flag before the width.</summary>
    public bool ZeroPad { get; init; }

    /// <summary>The minimum width, or -1.</summary>
    public int Width { get; init; }

    /// <summary><c>,</c> or <c>_</c>, or NUL.</summary>
    public char Grouping { get; init; }

    /// <summary>The precision, or -1.</summary>
    public int Precision { get; init; }

    /// <summary>The presentation type, or NUL when not given.</summary>
    public char Type { get; init; }

    /// <summary>
    /// Parses <paramref name="spec"/> for an object of type <paramref name="typeName"/>; false
    /// with ValueError set on a malformed spec.
    /// </summary>
    public static bool TryParse(Heap heap, FormattingBehaviour rules, ReadOnlySpan<char> spec, string typeName, out FormatSpec result)
    {
        result = default;
        var pos = 0;
        var fill = ' ';
        var fillGiven = false;
        var align = '\0';
        if (spec.Length >= 2 && IsAlign(spec[1]))
        {
            fill = spec[0];
            fillGiven = true;
            align = spec[1];
            pos = 2;
        }
        else if (spec.Length >= 1 && IsAlign(spec[0]))
        {
            align = spec[0];
            pos = 1;
        }

        var sign = '\0';
        if (pos < spec.Length && spec[pos] is '+' or '-' or ' ')
        {
            sign = spec[pos++];
        }

        var noNegativeZero = false;
        if (rules.NegativeZeroFlag && pos < spec.Length && spec[pos] == 'z')
        {
            noNegativeZero = true;
            pos++;
        }

        var alternate = false;
        if (pos < spec.Length && spec[pos] == '#')
        {
            alternate = true;
            pos++;
        }

        var zeroPad = false;
        if (pos < spec.Length && spec[pos] == '0')
        {
            zeroPad = true;
            if (!fillGiven)
            {
                fill = '0';
            }

            // 2.7 (and 3.x before 3.10): the 0 flag also asks for '=' alignment, whatever the type.
            if (!rules.ZeroPadsStrings && align == '\0')
            {
                align = '=';
            }

            pos++;
        }

        if (!TryReadNumber(heap, spec, ref pos, out var width))
        {
            return false;
        }

        var grouping = '\0';
        if (pos < spec.Length && (spec[pos] == ',' || (rules.UnderscoreGrouping && spec[pos] == '_')))
        {
            grouping = spec[pos++];
            if (rules.UnderscoreGrouping && pos < spec.Length && spec[pos] is ',' or '_')
            {
                heap.RaiseValueError("Cannot specify both ',' and '_'.");
                return false;
            }
        }

        var precision = -1;
        if (pos < spec.Length && spec[pos] == '.')
        {
            pos++;
            var start = pos;
            if (!TryReadNumber(heap, spec, ref pos, out precision))
            {
                return false;
            }

            if (pos == start)
            {
                heap.RaiseValueError("Format specifier missing precision");
                return false;
            }
        }

        if (!LengthFits(heap, width) || !LengthFits(heap, precision))
        {
            return false;
        }

        if (spec.Length - pos > 1)
        {
            heap.RaiseValueError(rules.Wording27
                ? "Invalid conversion specification"
                : $"Invalid format specifier '{spec}' for object of type '{typeName}'");
            return false;
        }

        var type = pos < spec.Length ? spec[pos] : '\0';
        if (grouping != '\0' && !GroupingAllowed(grouping, type))
        {
            heap.RaiseValueError($"Cannot specify '{grouping}' with '{type}'.");
            return false;
        }

        result = new FormatSpec
        {
            Fill = fill,
            FillGiven = fillGiven,
            Align = align,
            Sign = sign,
            NoNegativeZero = noNegativeZero,
            Alternate = alternate,
            ZeroPad = zeroPad,
            Width = width,
            Grouping = grouping,
            Precision = precision,
            Type = type,
        };
        return true;
    }

    /// <summary>
    /// Whether a width or precision can be honoured: a text of that many characters must fit in
    /// what the heap has left, else MemoryError (the heap limit, not the .NET process, bounds it).
    /// </summary>
    public static bool LengthFits(Heap heap, long chars)
    {
        if (chars * 2 <= heap.Allocator.HeapLimit - heap.Allocator.BytesInUse)
        {
            return true;
        }

        heap.SetNoMemory();
        return false;
    }

    private static bool IsAlign(char c) => c is '<' or '>' or '^' or '=';

    private static bool GroupingAllowed(char grouping, char type) => type switch
    {
        '\0' or 'd' or 'e' or 'f' or 'g' or 'E' or 'G' or '%' or 'F' => true,
        'b' or 'o' or 'x' or 'X' => grouping == '_',
        _ => false,
    };

    // Reads decimal digits at pos (none: -1); false with ValueError when the number is too big.
    private static bool TryReadNumber(Heap heap, ReadOnlySpan<char> spec, ref int pos, out int value)
    {
        value = -1;
        long n = 0;
        var start = pos;
        while (pos < spec.Length && char.IsAsciiDigit(spec[pos]))
        {
            n = (n * 10) + (spec[pos] - '0');
            if (n > int.MaxValue)
            {
                heap.RaiseValueError("Too many decimal digits in format string");
                return false;
            }

            pos++;
        }

        if (pos > start)
        {
            value = (int)n;
        }

        return true;
    }
}
