using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Refheap.Objects;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Str.Formatting;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Formatting;

/// <summary>
/// Every case of cases/cases.txt (<c>fmt % values</c>, <c>fmt.format(*args, **kwargs)</c>,
/// <c>format(value, spec)</c>) replayed on Refheap and compared with what CPython 2.7.18 and
/// 3.12.1 gave (cases/expected.*.jsonl, written by cases/generate.sh): the text, or the
/// exception's type and message.
/// </summary>
public sealed unsafe class FormattingOracleTests
{
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
    public void Formatting_gives_what_CPython_gives(string profile, int index)
    {
        var line = Load(profile)[index];
        using var doc = JsonDocument.Parse(line);
        var c = doc.RootElement;
        var kind = c.GetProperty("kind").GetString()!;
        var text = c.GetProperty("text").GetString()!;
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var heap = rt.Heap;
        var args = Build(heap, c.GetProperty("args"));
        var kwargs = Build(heap, c.GetProperty("kwargs"));
        var format = heap.NewString(text);
        var result = kind switch
        {
            "percent" => heap.Remainder(format.Ptr, args.Ptr),
            "format" => StrFormatter.Format(heap, text, args.Ptr, kwargs.Ptr),
            _ => ValueFormatter.Format(heap, args.Ptr, text),
        };
        string actual;
        if (result.IsNull)
        {
            var (typeName, message, exception) = heap.TakeError();
            exception.DecRef();
            actual = $"!! {typeName}: {message}";
        }
        else
        {
            actual = "-> " + StrType.AsString(result.Ptr);
            result.DecRef();
        }

        format.DecRef();
        args.DecRef();
        kwargs.DecRef();
        var expected = c.TryGetProperty("ok", out var ok)
            ? "-> " + ok.GetString()
            : $"!! {c.GetProperty("error").GetString()}: {c.GetProperty("message").GetString()}";
        Assert.Equal($"{kind} {text}: {expected}", $"{kind} {text}: {actual}");
        Leaks.AssertBackTo(rt, start);
    }

    private static readonly Dictionary<string, string[]> s_cache = [];

    private static string[] Load(string profile, [CallerFilePath] string here = "")
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(profile, out var lines))
            {
                var path = Path.Combine(Path.GetDirectoryName(here)!, "cases", $"expected.{profile}.jsonl");
                lines = File.ReadAllLines(path);
                s_cache[profile] = lines;
            }

            return lines;
        }
    }

    // Makes the object a JSON encoding describes (see generate.py's encode): a new reference.
    private static PyRef Build(Heap heap, JsonElement e)
    {
        var p = e.EnumerateObject().Single();
        var v = p.Value;
        switch (p.Name)
        {
            case "none":
                return heap.None;
            case "bool":
                return heap.NewBool(v.GetBoolean());
            case "int":
                return heap.NewInt(BigInteger.Parse(v.GetString()!, CultureInfo.InvariantCulture));
            case "float":
                return heap.NewFloat(v.GetString() switch
                {
                    "inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    "nan" => double.NaN,
                    var s => double.Parse(s!, CultureInfo.InvariantCulture),
                });
            case "str":
                return heap.NewString(v.GetString()!);
            case "tuple":
            case "list":
                var items = v.EnumerateArray().Select(x => Build(heap, x)).ToArray();
                var seq = p.Name == "tuple" ? heap.NewTuple(items) : heap.NewList(items);
                foreach (var item in items)
                {
                    item.DecRef();
                }

                return seq;
            default:
                var dict = heap.NewDict();
                foreach (var pair in v.EnumerateArray())
                {
                    var key = Build(heap, pair[0]);
                    var value = Build(heap, pair[1]);
                    Assert.Equal(0, heap.SetItem(dict.Ptr, key.Ptr, value.Ptr));
                    key.DecRef();
                    value.DecRef();
                }

                return dict;
        }
    }
}
