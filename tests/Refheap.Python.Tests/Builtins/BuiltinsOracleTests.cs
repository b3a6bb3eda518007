using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Refheap.Python.Tests.Builtins;

/// <summary>
/// Every call of cases/cases.txt replayed on Refheap's builtins and compared with what CPython
/// 2.7.18 and 3.12.1 returned (cases/expected.*.jsonl, written by cases/generate.sh): the
/// result's repr, or the exception's type and message. Each case ends back at its census.
/// </summary>
public sealed class BuiltinsOracleTests
{
    private static readonly Dictionary<string, string[]> s_cache = [];

    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var profile in new[] { "py27", "py312" })
            {
                for (var i = 0; i < Load(profile).Length; i++)
                {
                    data.Add(profile, i);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Builtin_gives_what_CPython_gives(string profile, int index)
    {
        using var doc = JsonDocument.Parse(Load(profile)[index]);
        var c = doc.RootElement;
        var name = c.GetProperty("name").GetString()!;
        string actual;
        using (var kit = new BuiltinsKit(profile))
        {
            var args = kit.Build(c.GetProperty("args"));
            var kwargs = kit.Build(c.GetProperty("kwargs"));
            actual = kit.Call(name, args, kwargs, c.GetProperty("post").GetString() == "list");
            args.DecRef();
            kwargs.DecRef();
        }

        var expected = c.TryGetProperty("ok", out var ok)
            ? "-> " + ok.GetString()
            : $"!! {c.GetProperty("error").GetString()}: {c.GetProperty("message").GetString()}";
        var call = $"{name}{c.GetProperty("args")} {c.GetProperty("kwargs")}";
        Assert.True(expected == actual, $"{call}\n expected {expected}\n actual   {actual}");
    }

    private static string[] Load(string profile, [CallerFilePath] string here = "")
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(profile, out var lines))
            {
                lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(here)!, "cases", $"expected.{profile}.jsonl"));
                s_cache[profile] = lines;
            }

            return lines;
        }
    }
}
