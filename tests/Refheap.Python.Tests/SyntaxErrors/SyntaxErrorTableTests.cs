using System.Text;
using Refheap.Python.Syntax.Parsing;

namespace Refheap.Python.Tests.SyntaxErrors;

/// <summary>
/// Every program under cases/ is parsed in both dialects and what Refheap would print is
/// compared, byte for byte, with what CPython printed (expected/, made by generate.sh from
/// <c>PYENV_VERSION=2.7.18 python NAME.py</c> and <c>PYENV_VERSION=3.12.1 python NAME.py</c>):
/// the syntax error's File line, source line, caret and message, any SyntaxWarning before
/// it, or "OK" when the program compiles. A program Refheap does not run (async, match, ...)
/// counts as compiling: CPython accepts it, and the run reports it later.
/// </summary>
public sealed class SyntaxErrorTableTests
{
    private static readonly CaseTable s_table = new("SyntaxErrors");

    public static TheoryData<string, string> Cases() => s_table.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refheap_reports_what_CPython_reports(string name, string profile)
    {
        var source = s_table.Source(name);
        var expected = s_table.Expected(name, profile);
        Assert.Equal(expected, Report(source, name + ".py", PythonDialect.FromProfileName(profile)));
    }

    private static string Report(string source, string fileName, PythonDialect dialect)
    {
        var output = new StringBuilder();
        try
        {
            var result = PythonParser.Parse(source, fileName, dialect);
            foreach (var warning in result.Warnings)
            {
                output.Append(warning.FormatForDisplay());
            }

            output.Append("OK\n");
        }
        catch (PythonSyntaxError error)
        {
            foreach (var warning in error.Warnings)
            {
                output.Append(warning.FormatForDisplay());
            }

            output.Append(error.FormatForDisplay());
        }
        catch (PythonUnsupportedError)
        {
            output.Append("OK\n");
        }

        return output.ToString();
    }
}
