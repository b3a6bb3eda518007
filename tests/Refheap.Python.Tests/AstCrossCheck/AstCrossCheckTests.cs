using System.Text;
using Refheap.Python.Syntax.Parsing;

namespace Refheap.Python.Tests.AstCrossCheck;

/// <summary>
/// Every program under samples/ is parsed by Refheap and its tree written as CPython's
/// <c>ast.dump(..., include_attributes=True)</c> writes CPython's own tree (expected/, made by
/// generate.sh for each version that parses the sample): node kinds, fields, contexts and
/// every line — and in 3.12 every column — must agree.
/// </summary>
public sealed class AstCrossCheckTests
{
    private static readonly string s_root = Path.Combine(AppContext.BaseDirectory, "AstCrossCheck");

    /// <summary>Every expected file: a sample and the profile whose CPython parsed it.</summary>
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(s_root, "expected")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file), Path.GetExtension(file)[1..]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Tree_matches_CPython(string name, string profile)
    {
        var source = File.ReadAllText(Path.Combine(s_root, "samples", name + ".py"), Encoding.UTF8);
        var expected = File.ReadAllLines(Path.Combine(s_root, "expected", $"{name}.{profile}"), Encoding.UTF8);
        var dialect = PythonDialect.FromProfileName(profile);
        var module = PythonParser.Parse(source, name + ".py", dialect, treeOnly: true).Module;
        Func<Syntax.Ast.Statement, string> dump = profile == "py27" ? CPython27AstDump.Statement : CPythonAstDump.Statement;
        var actual = module.Body.Select(dump).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }
}
