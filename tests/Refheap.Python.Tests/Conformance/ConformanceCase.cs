namespace Refheap.Python.Tests.Conformance;

/// <summary>One program of the corpus in one profile, with the file its expected output is in.</summary>
/// <param name="Name">The program's file name without <c>.py</c>.</param>
/// <param name="Path">The program's full path.</param>
/// <param name="Profile"><c>py27</c> or <c>py312</c>.</param>
public sealed record ConformanceCase(string Name, string Path, string Profile)
{
    /// <summary>CPython's output for the case, in the corpus format (tests/conformance/README.md).</summary>
    public string ExpectedPath =>
        System.IO.Path.Combine(ConformanceCorpus.ConformanceFolder, "expected", $"{Name}.{Profile}.out");

    /// <summary>How xunit names the case.</summary>
    public override string ToString() => $"{Name} [{Profile}]";
}
