using System.Collections.Frozen;

namespace Refheap.Python.Syntax.Lexing;

/// <summary>The reserved words of each dialect (2.7: Lib/keyword.py; 3.12: Grammar/python.gram).</summary>
internal static class KeywordTable
{
    private static readonly FrozenDictionary<string, Keyword> s_common = new Dictionary<string, Keyword>
    {
        ["and"] = Keyword.And,
        ["as"] = Keyword.As,
        ["assert"] = Keyword.Assert,
        ["break"] = Keyword.Break,
        ["class"] = Keyword.Class,
        ["continue"] = Keyword.Continue,
        ["def"] = Keyword.Def,
        ["del"] = Keyword.Del,
        ["elif"] = Keyword.Elif,
        ["else"] = Keyword.Else,
        ["except"] = Keyword.Except,
        ["finally"] = Keyword.Finally,
        ["for"] = Keyword.For,
        ["from"] = Keyword.From,
        ["global"] = Keyword.Global,
        ["if"] = Keyword.If,
        ["import"] = Keyword.Import,
        ["in"] = Keyword.In,
        ["is"] = Keyword.Is,
        ["lambda"] = Keyword.Lambda,
        ["not"] = Keyword.Not,
        ["or"] = Keyword.Or,
        ["pass"] = Keyword.Pass,
        ["raise"] = Keyword.Raise,
        ["return"] = Keyword.Return,
        ["try"] = Keyword.Try,
        ["while"] = Keyword.While,
        ["with"] = Keyword.With,
        ["yield"] = Keyword.Yield,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Keyword> s_py27 = s_common
        .Concat([new("exec", Keyword.Exec), new KeyValuePair<string, Keyword>("print", Keyword.Print)])
        .ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Keyword> s_py3 = s_common
        .Concat(
        [
            new("False", Keyword.False),
            new("None", Keyword.NoneValue),
            new("True", Keyword.True),
            new("nonlocal", Keyword.Nonlocal),
            new("async", Keyword.Async),
            new KeyValuePair<string, Keyword>("await", Keyword.Await),
        ])
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The keyword <paramref name="name"/> spells in <paramref name="dialect"/>, or <see cref="Keyword.None"/>.</summary>
    public static Keyword Lookup(string name, PythonDialect dialect)
    {
        var table = dialect.ConstantKeywords ? s_py3 : s_py27;
        return table.TryGetValue(name, out var keyword) ? keyword : Keyword.None;
    }

    /// <summary>The spelling of <paramref name="keyword"/>.</summary>
    public static string Spelling(Keyword keyword) => keyword switch
    {
        Keyword.NoneValue => "None",
        Keyword.True => "True",
        Keyword.False => "False",
        _ => keyword.ToString().ToLowerInvariant(),
    };
}
