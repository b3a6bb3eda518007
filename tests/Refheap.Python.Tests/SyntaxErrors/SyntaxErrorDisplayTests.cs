namespace Refheap.Python.Tests.SyntaxErrors;

/// <summary>
/// The printing of a syntax error from its attributes (CPython's print_error_text), for the
/// corners the table of programs reaches rarely.
/// </summary>
public sealed class SyntaxErrorDisplayTests
{
    [Fact]
    public void A_3_12_caret_range_is_cut_at_the_end_of_the_first_line()
    {
        // The end becomes the length of the line with its newline.
        var error = new PythonSyntaxError(PythonDialect.Py312, "SyntaxError", "m", "x.py", 1, 5, 3, 2, "x = (a\n");
        Assert.Equal("  File \"x.py\", line 1\n    x = (a\n        ^^\nSyntaxError: m\n", error.FormatForDisplay());
    }

    [Fact]
    public void A_3_12_caret_left_of_the_stripped_text_is_left_out()
    {
        var error = new PythonSyntaxError(PythonDialect.Py312, "IndentationError", "unexpected indent", "x.py", 2, 4, 2, -1, "    y\n");
        Assert.Equal("  File \"x.py\", line 2\n    y\nIndentationError: unexpected indent\n", error.FormatForDisplay());
    }

    [Fact]
    public void A_2_7_text_of_several_lines_shows_the_line_of_the_offset()
    {
        var error = new PythonSyntaxError(PythonDialect.Py27, "SyntaxError", "invalid syntax", "x.py", 2, 15, null, null, "x = '''a\nb''' y\n");
        Assert.Equal("  File \"x.py\", line 2\n    b''' y\n         ^\nSyntaxError: invalid syntax\n", error.FormatForDisplay());
    }

    [Fact]
    public void Without_text_only_the_file_line_and_message_print()
    {
        var error = new PythonSyntaxError(PythonDialect.Py27, "SyntaxError", "m", "x.py", 1, null, null, null, null);
        Assert.Equal("  File \"x.py\", line 1\nSyntaxError: m\n", error.FormatForDisplay());
        var valueError = new PythonSyntaxError(PythonDialect.Py27, "ValueError", "invalid \\x escape", "x.py", 1, null, null, null, null);
        Assert.Equal("ValueError: invalid \\x escape\n", valueError.FormatForDisplay());
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void A_2_7_multi_line_string_then_an_error_shows_the_line_it_ends_on(string profile)
    {
        var error = Py.Error("x = '''a\nb''' y\n", Py.Dialect(profile));
        Assert.Equal(2, error.Line);
        Assert.EndsWith("b''' y\n         ^\nSyntaxError: invalid syntax\n", error.FormatForDisplay(), StringComparison.Ordinal);
    }
}
