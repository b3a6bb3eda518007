namespace Refheap.Python;

/// <summary>
/// A program that is valid Python but uses a construct Refheap does not implement (async
/// functions, <c>match</c>, complex numbers, ...). <c>refheap run</c> reports it as
/// <c>NotImplementedError: Refheap does not support X (file, line N)</c>; the parser raises it
/// only after the whole file has parsed, so a real syntax error elsewhere is reported first,
/// as CPython would.
/// </summary>
public sealed class PythonUnsupportedError : Exception
{
    /// <summary>Creates the error for <paramref name="feature"/> at <paramref name="line"/> of <paramref name="fileName"/>.</summary>
    public PythonUnsupportedError(string feature, string fileName, int line, int column)
        : base($"Refheap does not support {feature} ({fileName}, line {line})")
    {
        Feature = feature;
        FileName = fileName;
        Line = line;
        Column = column;
    }

    /// <summary>What is not supported, worded to follow "Refheap does not support".</summary>
    public string Feature { get; }

    /// <summary>The file name as given to the parser.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line of the construct.</summary>
    public int Line { get; }

    /// <summary>The 0-based column of the construct.</summary>
    public int Column { get; }

    /// <summary>The line <c>refheap run</c> prints: <c>NotImplementedError: Refheap does not support X (file, line N)</c>.</summary>
    public string FormatForDisplay() => $"NotImplementedError: {Message}\n";
}
