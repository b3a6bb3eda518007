using System.Text;
using Refheap.Python.Syntax;
using Refheap.Python.Syntax.Parsing;

namespace Refheap.Python.Tests.SyntaxErrors;

/// <summary>
/// Every program under command/cases/ is parsed as a <c>-c</c> program (file name
/// <c>&lt;string&gt;</c>) in both dialects and what Refheap would print is compared, byte for
/// byte, with what <c>python -c CODE</c> printed (command/expected/, made by
/// command/generate.sh): CPython tokenizes a string differently from a file at its end
/// (2.7's "unexpected EOF while parsing", the line the caret is on), and shows no source line
/// for an error found after the parse.
/// </summary>
public sealed class CommandSyntaxErrorTableTests
{
    private static readonly CaseTable s_table = new("SyntaxErrors", "command");

    public static TheoryData<string, string> Cases() => s_table.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_command_reports_what_python_c_reports(string name, string profile)
    {
        var source = s_table.Source(name);
        var expected = s_table.Expected(name, profile);
        string actual;
        try
        {
            PythonParser.Parse(source, SourceText.StringInputName, PythonDialect.FromProfileName(profile));
            actual = "OK\n";
        }
        catch (PythonSyntaxError error)
        {
            actual = error.FormatForDisplay();
        }

        Assert.Equal(expected, actual);
    }
}
