namespace Refheap.Python.Syntax.Lexing;

/// <summary>The letters before a string literal's opening quote, in any case and order the dialect allows.</summary>
[Flags]
internal enum StringPrefix
{
    None = 0,

    /// <summary><c>r</c>: backslashes are kept (2.7's <c>ur</c> still decodes <c>\u</c>).</summary>
    Raw = 1,

    /// <summary><c>b</c>: a bytes literal (in 2.7 the same as no prefix).</summary>
    Bytes = 2,

    /// <summary><c>u</c>: a unicode literal (in 3.x the same as no prefix).</summary>
    Unicode = 4,

    /// <summary><c>f</c>: an f-string (3.6+).</summary>
    Formatted = 8,
}
