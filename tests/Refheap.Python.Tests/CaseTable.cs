using System.Text;

namespace Refheap.Python.Tests;

/// <summary>
/// A folder of CPython-checked cases copied beside the tests: <c>cases/NAME.py</c> and, made
/// by its generate.sh, <c>expected/NAME.py27</c> and <c>expected/NAME.py312</c>.
/// </summary>
/// <param name="folder">The folder's path under the test output (e.g. <c>SyntaxErrors/command</c>).</param>
internal sealed class CaseTable(params string[] folder)
{
    private readonly string _root = Path.Combine([AppContext.BaseDirectory, .. folder]);

    /// <summary>Every case in both profiles, in name order.</summary>
    public TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(_root, "cases"), "*.py").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file), "py27");
            data.Add(Path.GetFileNameWithoutExtension(file), "py312");
        }

        return data;
    }

    /// <summary>A case's program text.</summary>
    public string Source(string name) => File.ReadAllText(Path.Combine(_root, "cases", name + ".py"), Encoding.UTF8);

    /// <summary>What CPython printed for a case in a profile.</summary>
    public string Expected(string name, string profile) => File.ReadAllText(Path.Combine(_root, "expected", $"{name}.{profile}"), Encoding.UTF8);
}
