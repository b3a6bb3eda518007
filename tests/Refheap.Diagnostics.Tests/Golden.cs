using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Refheap.DiagnosticsTests;

/// <summary>
/// Golden files under Golden/: the exact text users see, with object addresses (which
/// change from run to run) replaced by placeholders.
/// <c>REFHEAP_UPDATE_GOLDEN=1 dotnet test</c> rewrites them from the current output.
/// </summary>
internal static partial class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        var text = Normalize(actual);
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        if (Environment.GetEnvironmentVariable("REFHEAP_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Golden", name), text);
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {name}: run with REFHEAP_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), text);
    }

    /// <summary>Replaces each decimal address (9 digits or more) by ADDR1, ADDR2, ... in order of first appearance, and each 0x-hex one by 0xADDR.</summary>
    public static string Normalize(string text)
    {
        var names = new Dictionary<long, string>();
        return Number().Replace(text, m =>
        {
            // A repr cut to 40 characters may cut its address: hex is only marked, not numbered.
            if (m.Value.StartsWith("0x", StringComparison.Ordinal))
            {
                return "0xADDR";
            }

            var value = long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!names.TryGetValue(value, out var n))
            {
                names[value] = n = "ADDR" + (names.Count + 1);
            }

            return n;
        });
    }

    [GeneratedRegex("0x[0-9a-f]+|[0-9]{9,}")]
    private static partial Regex Number();

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
