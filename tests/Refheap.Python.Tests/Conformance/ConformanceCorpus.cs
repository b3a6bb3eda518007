using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Refheap.Python.Tests.Conformance;

/// <summary>
/// The corpus of tests/conformance/README.md read from the repository: the cases, the profiles
/// settings.json excludes, the cases Refheap does not pass yet, and the output format that
/// generate.sh writes CPython's runs in.
/// </summary>
public static partial class ConformanceCorpus
{
    private static readonly string[] s_profiles = ["py27", "py312"];

    /// <summary>The repository's root: the folder above the test binaries that holds Refheap.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>tests/conformance.</summary>
    public static string ConformanceFolder => Path.Combine(RepositoryRoot, "tests", "conformance");

    /// <summary>Every case in every profile settings.json does not exclude.</summary>
    public static IEnumerable<ConformanceCase> Cases()
    {
        var excluded = ReadProfileList(Path.Combine(ConformanceFolder, "settings.json"), "exclude");
        var programs = Directory.EnumerateFiles(ConformanceFolder, "*.py")
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "examples"), "*.py"))
            .Where(p => !Path.GetFileName(p).StartsWith('_'))
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal);
        foreach (var path in programs)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            foreach (var profile in s_profiles)
            {
                if (!excluded.Contains((name, profile)))
                {
                    yield return new ConformanceCase(name, path, profile);
                }
            }
        }
    }

    /// <summary>
    /// The cases Refheap is known not to pass yet (refheap-pending.json, each with its reason):
    /// the suite checks that they still fail, so the list never outlives the gap it records.
    /// </summary>
    public static IReadOnlySet<(string Case, string Profile)> Pending { get; } =
        ReadProfileList(Path.Combine(ConformanceFolder, "refheap-pending.json"), "pending");

    /// <summary>
    /// One run in the corpus format: stdout with addresses as <c>0xADDR</c>; after a non-zero exit,
    /// a line <c>--- exit N</c> and stderr's last non-blank line.
    /// </summary>
    public static string Format(string stdout, string stderr, int exitCode)
    {
        var text = new StringBuilder(Address().Replace(stdout, "0xADDR"));
        if (exitCode != 0)
        {
            if (text.Length > 0 && text[^1] != '\n')
            {
                text.Append('\n');
            }

            text.Append("--- exit ").Append(exitCode).Append('\n');
            var last = stderr.Split('\n').LastOrDefault(line => !string.IsNullOrWhiteSpace(line));
            if (last is not null)
            {
                text.Append(Address().Replace(last, "0xADDR")).Append('\n');
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("0x[0-9a-f]+")]
    private static partial Regex Address();

    private static HashSet<(string, string)> ReadProfileList(string path, string property)
    {
        var set = new HashSet<(string, string)>();
        if (!File.Exists(path))
        {
            return set;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var entry in document.RootElement.GetProperty(property).EnumerateArray())
        {
            var name = entry.GetProperty("case").GetString()!;
            if (string.IsNullOrWhiteSpace(entry.GetProperty("reason").GetString()))
            {
                throw new InvalidDataException($"{path}: '{name}' has no reason");
            }

            foreach (var profile in entry.GetProperty("profiles").EnumerateArray())
            {
                set.Add((name, profile.GetString()!));
            }
        }

        return set;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Refheap.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Refheap.slnx above " + AppContext.BaseDirectory);
    }
}
