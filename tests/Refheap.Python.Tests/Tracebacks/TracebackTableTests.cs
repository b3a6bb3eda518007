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
    private static readonly string s_root = Path.Combine(AppContext.BaseDirectory, "Tracebacks");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(s_root, "cases"), "*.py").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file), "py27");
            data.Add(Path.GetFileNameWithoutExtension(file), "py312");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refheap_prints_the_traceback_CPython_prints(string name, string profile)
    {
        var source = File.ReadAllText(Path.Combine(s_root, "cases", name + ".py"), Encoding.UTF8);
        var expected = File.ReadAllText(Path.Combine(s_root, "expected", $"{name}.{profile}"), Encoding.UTF8);
        var run = ProgramRun.Of(profile, source, name + ".py");
        Assert.Equal(expected, FileDirectory().Replace(run.Stderr, "File \"$1\""));
    }

    [GeneratedRegex("File \"[^\"]*/([^\"/]+)\"")]
    private static partial Regex FileDirectory();
}
