using System.Text;
using System.Text.RegularExpressions;
using Refheap.Python.Tests.Execution;

namespace Refheap.Python.Tests.Tracebacks;

/// <summary>
/// Every program under cases/ ends with an uncaught exception; what Refheap prints on stderr
/// is compared, byte for byte, with what CPython printed (expected/, made by generate.sh),
/// File lines without their directory: the entries, the source lines, and 3.12's markers under
/// them (<c>^^^</c> under the failing call, attribute or name; <c>~~^~~</c> under a binary
/// operation; <c>~~^^^</c> under a subscript).
/// </summary>
public sealed partial class TracebackTableTests
{
    private static readonly CaseTable s_table = new("Tracebacks");

    public static TheoryData<string, string> Cases() => s_table.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refheap_prints_the_traceback_CPython_prints(string name, string profile)
    {
        var source = s_table.Source(name);
        var expected = s_table.Expected(name, profile);
        var run = ProgramRun.Of(profile, source, name + ".py");
        Assert.Equal(expected, FileDirectory().Replace(run.Stderr, "File \"$1\""));
    }

    [GeneratedRegex("File \"[^\"]*/([^\"/]+)\"")]
    private static partial Regex FileDirectory();
}
