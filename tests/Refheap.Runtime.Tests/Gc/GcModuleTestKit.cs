using System.Text.RegularExpressions;

namespace Refheap.RuntimeTests.Gc;

/// <summary>
/// Shared steps of the gc module tests. Every expectation in those tests is what CPython
/// 2.7.18 or 3.12.1 printed for the Python program written next to it.
/// </summary>
internal static partial class GcModuleTestKit
{
    /// <summary>
    /// A runtime with automatic collection off and an empty young generation, so that counts
    /// and collection results depend only on what the test does (as a CPython program that
    /// starts with <c>gc.disable(); gc.collect()</c>).
    /// </summary>
    public static Runtime Quiet(string profile)
    {
        var rt = TestRuntimes.Create(profile);
        rt.Gc.Disable();
        rt.Gc.Collect();
        return rt;
    }

    /// <summary><c>a = cls(); b = cls(); a.other = b; b.other = a; del a, b</c>.</summary>
    public static void MakeCycle(Runtime rt, Handle cls)
    {
        using var scope = rt.OpenScope();
        var a = rt.Call(cls);
        var b = rt.Call(cls);
        a.SetAttr("other", b);
        b.SetAttr("other", a);
    }

    /// <summary>A class whose <c>__del__</c> runs <paramref name="body"/> with the instance.</summary>
    public static Handle ClassWithDel(Runtime rt, string name, Action<Handle> body) =>
        rt.DefineClass(name, new Dictionary<string, Handle>
        {
            ["__del__"] = rt.Method("__del__", (self, args) =>
            {
                body(self);
                return rt.None;
            }),
        });

    /// <summary>The type names of a list's items, in order (the handles it makes are released before it returns).</summary>
    public static List<string> ItemTypes(Runtime rt, Handle list)
    {
        using var scope = rt.OpenScope();
        var names = new List<string>();
        for (var i = 0; i < rt.Length(list); i++)
        {
            names.Add(rt.GetItem(list, rt.Int(i)).TypeName);
        }

        return names;
    }

    /// <summary>
    /// Removes the items a list has now, one by one from the front (as <c>del l[:]</c>, except
    /// that each item is released as it is removed); items a finalizer appends meanwhile stay.
    /// </summary>
    public static void Clear(Runtime rt, Handle list)
    {
        using var scope = rt.OpenScope();
        for (var n = rt.Length(list); n > 0; n--)
        {
            rt.DelItem(list, rt.Int(0));
        }
    }

    /// <summary>The lines written so far, without the final empty one.</summary>
    public static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>
    /// DEBUG_STATS output with what differs from run to run normalised: the objects in each
    /// generation become <c>N</c>, the elapsed time <c>T</c>. The unreachable and
    /// uncollectable counts stay, as they are the same as CPython's.
    /// </summary>
    public static string[] NormaliseStats(IEnumerable<string> lines) =>
        lines.Select(l => ElapsedPattern().Replace(GenerationCountsPattern().Replace(l, m => m.Groups[1].Value + Regex.Replace(m.Groups[2].Value, @"\d+", "N")), "T elapsed"))
            .ToArray();

    [GeneratedRegex(@"^(gc: objects in (?:each|permanent) generation:)(.*)$")]
    private static partial Regex GenerationCountsPattern();

    [GeneratedRegex(@"\d+\.\d{4}s elapsed")]
    private static partial Regex ElapsedPattern();
}
