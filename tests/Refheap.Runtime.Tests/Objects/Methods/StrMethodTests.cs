using Refheap.RuntimeTests.Objects.Iteration;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Methods;

public sealed class StrMethodTests
{
    /// <summary><c>s.name(*args)</c> with str and int arguments given as C# values; the repr of the result.</summary>
    private static string Call(Runtime rt, string s, string name, params object?[] args) =>
        rt.Repr(rt.CallMethod(rt.Str(s), name, [.. args.Select(a => Value(rt, a))]));

    private static Handle Value(Runtime rt, object? a) => a switch
    {
        null => rt.None,
        string text => rt.Str(text),
        int n => rt.Int(n),
        string[] items => rt.Tuple([.. items.Select(rt.Str)]),
        _ => throw new ArgumentException("unsupported argument", nameof(a)),
    };

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Splitting_and_joining_as_CPython(string profile)
    {
        // python2.7 / python3.12 (same results):
        //   '  a  b '.split() → ['a', 'b'];  'a,b,,c'.split(',') → ['a', 'b', '', 'c'];  'a,b,c'.split(',', 1) → ['a', 'b,c']
        //   'a b c'.rsplit(None, 1) → ['a b', 'c'];  'a,b,c'.rsplit(',', 1) → ['a,b', 'c'];  ''.split() → [];  ''.split(',') → ['']
        //   'a\nb\r\nc\rd'.splitlines() → ['a', 'b', 'c', 'd'];  'a\nb\n'.splitlines(True) → ['a\n', 'b\n'];  ','.join(['a', 'b']) → 'a,b'
        Leaks.Check(profile, rt =>
        {
            Assert.Equal("['a', 'b']", Call(rt, "  a  b ", "split"));
            Assert.Equal("['a', 'b', '', 'c']", Call(rt, "a,b,,c", "split", ","));
            Assert.Equal("['a', 'b,c']", Call(rt, "a,b,c", "split", ",", 1));
            Assert.Equal("['a b', 'c']", Call(rt, "a b c", "rsplit", null, 1));
            Assert.Equal("['a,b', 'c']", Call(rt, "a,b,c", "rsplit", ",", 1));
            Assert.Equal("[]", Call(rt, "", "split"));
            Assert.Equal("['']", Call(rt, "", "split", ","));
            Assert.Equal("['a', 'b', 'c', 'd']", Call(rt, "a\nb\r\nc\rd", "splitlines"));
            Assert.Equal("['a\\n', 'b\\n']", Call(rt, "a\nb\n", "splitlines", 1));
            Assert.Equal("'a,b'", rt.Repr(rt.CallMethod(rt.Str(","), "join", rt.List(rt.Str("a"), rt.Str("b")))));
            Assert.Equal("'xy'", rt.Repr(rt.CallMethod(rt.Str(""), "join", rt.Iter(rt.Str("xy")))));
            Assert.Equal("ValueError: empty separator", IterationKit.Error(() => Call(rt, "a b", "split", "")));
            Assert.Equal("TypeError: can only join an iterable", IterationKit.Error(() => rt.CallMethod(rt.Str(","), "join", rt.Int(1))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Searching_as_CPython(string profile)
    {
        // python: 'abcabc'.find('c') → 2; .rfind('c') → 5; 'abc'.find('z') → -1; 'abcabc'.find('c', 3) → 5; .find('c', -2) → 5
        //         'abc'.find('', 5) → -1; 'abcabc'.count('c') → 2; 'aaa'.count('') → 4; 'abc'.index('z') → ValueError: substring not found
        //         'abc'.startswith('ab'), .startswith(('x', 'a')), .startswith('b', 1), .endswith('bc'), .endswith('b', 0, 2) → True
        Leaks.Check(profile, rt =>
        {
            Assert.Equal("2", Call(rt, "abcabc", "find", "c"));
            Assert.Equal("5", Call(rt, "abcabc", "rfind", "c"));
            Assert.Equal("-1", Call(rt, "abc", "find", "z"));
            Assert.Equal("5", Call(rt, "abcabc", "find", "c", 3));
            Assert.Equal("5", Call(rt, "abcabc", "find", "c", -2));
            Assert.Equal("-1", Call(rt, "abc", "find", "", 5));
            Assert.Equal("2", Call(rt, "abc", "find", "c", null, null));
            Assert.Equal("2", Call(rt, "abcabc", "count", "c"));
            Assert.Equal("4", Call(rt, "aaa", "count", ""));
            Assert.Equal("ValueError: substring not found", IterationKit.Error(() => Call(rt, "abc", "index", "z")));
            Assert.Equal("True", Call(rt, "abc", "startswith", "ab"));
            Assert.Equal("True", Call(rt, "abc", "startswith", (object)new[] { "x", "a" }));
            Assert.Equal("True", Call(rt, "abc", "startswith", "b", 1));
            Assert.Equal("True", Call(rt, "abc", "endswith", "bc"));
            Assert.Equal("True", Call(rt, "abc", "endswith", "b", 0, 2));
            Assert.Equal("False", Call(rt, "abc", "endswith", "a"));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Transforming_as_CPython(string profile)
    {
        // python: 'aaa'.replace('a', 'b') → 'bbb'; .replace('a', 'b', 2) → 'bba'; 'abc'.replace('', '-') → '-a-b-c-'; .replace('', '-', 2) → '-a-bc'
        //         '  a  '.strip() → 'a'; 'xxaxx'.strip('x') → 'a'; '  a '.lstrip() → 'a '; ' a  '.rstrip() → ' a'
        //         'aBc'.upper() → 'ABC'; .lower() → 'abc'; "hello wORLD it's".title() → "Hello World It'S"; 'hELLO wORLD'.capitalize() → 'Hello world'
        //         'a'.center(4, '*') → '*a**'; 'ab'.center(5, '*') → '**ab*'; 'abc'.center(6) → ' abc  '; '-5'.zfill(4) → '-005'; 'a'.rjust(3, '-') → '--a'
        Leaks.Check(profile, rt =>
        {
            Assert.Equal("'bbb'", Call(rt, "aaa", "replace", "a", "b"));
            Assert.Equal("'bba'", Call(rt, "aaa", "replace", "a", "b", 2));
            Assert.Equal("'-a-b-c-'", Call(rt, "abc", "replace", "", "-"));
            Assert.Equal("'-a-bc'", Call(rt, "abc", "replace", "", "-", 2));
            Assert.Equal("'a'", Call(rt, "  a  ", "strip"));
            Assert.Equal("'a'", Call(rt, "xxaxx", "strip", "x"));
            Assert.Equal("'a '", Call(rt, "  a ", "lstrip"));
            Assert.Equal("' a'", Call(rt, " a  ", "rstrip"));
            Assert.Equal("'ABC'", Call(rt, "aBc", "upper"));
            Assert.Equal("'abc'", Call(rt, "aBc", "lower"));
            Assert.Equal("\"Hello World It'S\"", Call(rt, "hello wORLD it's", "title"));
            Assert.Equal("'Hello world'", Call(rt, "hELLO wORLD", "capitalize"));
            Assert.Equal("'*a**'", Call(rt, "a", "center", 4, "*"));
            Assert.Equal("'**ab*'", Call(rt, "ab", "center", 5, "*"));
            Assert.Equal("' abc  '", Call(rt, "abc", "center", 6));
            Assert.Equal("'-005'", Call(rt, "-5", "zfill", 4));
            Assert.Equal("'abc'", Call(rt, "abc", "zfill", 2));
            Assert.Equal("'--a'", Call(rt, "a", "rjust", 3, "-"));
            Assert.Equal("'a  '", Call(rt, "a", "ljust", 3));
            Assert.Equal("True", Call(rt, "12", "isdigit"));
            Assert.Equal("False", Call(rt, "", "isdigit"));
            Assert.Equal("False", Call(rt, "a1", "isalpha"));
            Assert.Equal("True", Call(rt, " \t", "isspace"));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_unchanged_result_is_the_same_str(string profile)
    {
        // python: s = 'abc'; s.strip() is s → True; s.replace('x', 'y') is s → True
        Leaks.Check(profile, rt =>
        {
            var s = rt.Str("abc");
            Assert.True(rt.Is(s, rt.CallMethod(s, "strip")));
            Assert.True(rt.Is(s, rt.CallMethod(s, "replace", rt.Str("x"), rt.Str("y"))));
        });
    }

    [Theory]
    [InlineData("py27", "['a\\x0bb']", "'abc'")]
    [InlineData("py312", "['a', 'b']", "NotImplementedError: Refheap does not support bytes (str.encode)")]
    public void Line_breaks_and_encode_follow_the_profile(string profile, string verticalTab, string encoded)
    {
        // python2.7: 'a\x0bb'.splitlines() → ['a\x0bb']; 'abc'.encode() → 'abc'
        // python3.12: 'a\x0bb'.splitlines() → ['a', 'b']; 'abc'.encode() → b'abc' (no bytes in Refheap)
        Leaks.Check(profile, rt =>
        {
            Assert.Equal(verticalTab, Call(rt, "a\vb", "splitlines"));
            var outcome = profile == "py27" ? Call(rt, "abc", "encode") : IterationKit.Error(() => Call(rt, "abc", "encode"));
            Assert.Equal(encoded, outcome);
            Assert.Equal("LookupError: unknown encoding: zzz", IterationKit.Error(() => Call(rt, "abc", "encode", "zzz")));
        });
    }

    [Theory]
    [InlineData("py27", "sequence item 0: expected string, int found", "expected a string or other character buffer object", "strip arg must be None, str or unicode", "ljust() argument 2 must be char, not str", "startswith first arg must be str, unicode, or tuple, not NoneType", "find/rfind/index/rindex() takes at least 1 argument (0 given)", "upper() takes no arguments (1 given)")]
    [InlineData("py312", "sequence item 0: expected str instance, int found", "must be str or None, not int", "strip arg must be None or str", "The fill character must be exactly one character long", "startswith first arg must be str or a tuple of str, not NoneType", "find() takes at least 1 argument (0 given)", "str.upper() takes no arguments (1 given)")]
    public void Bad_arguments_raise_CPythons_TypeErrors(string profile, string join, string split, string strip, string fill, string startswith, string find, string upper)
    {
        Leaks.Check(profile, rt =>
        {
            Assert.Equal("TypeError: " + join, IterationKit.Error(() => rt.CallMethod(rt.Str(","), "join", rt.Ints(1))));
            Assert.Equal("TypeError: " + split, IterationKit.Error(() => Call(rt, "a b", "split", 1)));
            Assert.Equal("TypeError: " + strip, IterationKit.Error(() => Call(rt, "a", "strip", 1)));
            Assert.Equal("TypeError: " + fill, IterationKit.Error(() => Call(rt, "a", "ljust", 3, "xy")));
            Assert.Equal("TypeError: " + startswith, IterationKit.Error(() => Call(rt, "a", "startswith", [null])));
            Assert.Equal("TypeError: " + find, IterationKit.Error(() => Call(rt, "a", "find")));
            Assert.Equal("TypeError: " + upper, IterationKit.Error(() => Call(rt, "a", "upper", 1)));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Partition_rindex_and_the_case_tests(string profile)
    {
        // python: 'a=b=c'.partition('=') → ('a', '=', 'b=c'); 'abc'.partition('=') → ('abc', '', ''); 'a=b=c'.rpartition('=') → ('a=b', '=', 'c')
        //         'abc'.rpartition('=') → ('', '', 'abc'); 'abcabc'.rindex('b') → 4; 'ABC'.isupper() → True; 'AbC'.isupper() → False
        //         'a1'.islower() → True; 'a1'.isalnum() → True; 'Ab Cd'.istitle() → True; 'Ab cd'.istitle() → False; 'aBc'.swapcase() → 'AbC'
        Leaks.Check(profile, rt =>
        {
            Assert.Equal("('a', '=', 'b=c')", Call(rt, "a=b=c", "partition", "="));
            Assert.Equal("('abc', '', '')", Call(rt, "abc", "partition", "="));
            Assert.Equal("('a=b', '=', 'c')", Call(rt, "a=b=c", "rpartition", "="));
            Assert.Equal("('', '', 'abc')", Call(rt, "abc", "rpartition", "="));
            Assert.Equal("ValueError: empty separator", IterationKit.Error(() => Call(rt, "abc", "partition", "")));
            Assert.Equal("4", Call(rt, "abcabc", "rindex", "b"));
            Assert.Equal("True", Call(rt, "ABC", "isupper"));
            Assert.Equal("False", Call(rt, "AbC", "isupper"));
            Assert.Equal("False", Call(rt, "1", "isupper"));
            Assert.Equal("True", Call(rt, "a1", "islower"));
            Assert.Equal("True", Call(rt, "a1", "isalnum"));
            Assert.Equal("False", Call(rt, "a 1", "isalnum"));
            Assert.Equal("True", Call(rt, "Ab Cd", "istitle"));
            Assert.Equal("False", Call(rt, "Ab cd", "istitle"));
            Assert.Equal("'AbC'", Call(rt, "aBc", "swapcase"));
        });
    }
}
