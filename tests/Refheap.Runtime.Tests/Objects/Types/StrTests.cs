using Refheap.Objects;
using Refheap.Objects.Native.Str;

namespace Refheap.RuntimeTests.Objects.Types;

public sealed unsafe class StrTests
{
    // python2.7 and python3.12, the same output:
    //   for s in ["it's", 'a"b', '\n', 'a\x01b\x7f', 'both\'"', '\t\r\\', '\x1f', '', '\x80\x9f', 'plain text']:
    //       print(repr(s))
    // (C# "\x" takes up to four hex digits, so control characters are written "\u00NN" here.)
    public static TheoryData<string, string, string> ReprCases
    {
        get
        {
            var cases = new (string Text, string Repr)[]
            {
                ("it's", "\"it's\""),
                ("a\"b", "'a\"b'"),
                ("\n", @"'\n'"),
                ("a\u0001b\u007f", @"'a\x01b\x7f'"),
                ("both'\"", @"'both\'""'"),
                ("\t\r\\", @"'\t\r\\'"),
                ("\u001f", @"'\x1f'"),
                ("", "''"),
                ("\u0080\u009f", @"'\x80\x9f'"),
                ("plain text", "'plain text'"),
            };
            var data = new TheoryData<string, string, string>();
            foreach (var profile in new[] { "py27", "py312" })
            {
                foreach (var (text, repr) in cases)
                {
                    data.Add(profile, text, repr);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ReprCases))]
    public void Repr_quotes_and_escapes_as_CPython_does(string profile, string text, string expected)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        Assert.Equal(expected, rt.Repr(rt.Str(text)));
    }

    [Theory]
    // python3.12: print(ascii(repr(s))) for each s (printable non-ASCII stays, the rest is escaped)
    [InlineData("\u00e9", "'\u00e9'")]
    [InlineData("\u2028", @"'\u2028'")]
    [InlineData("\u00a0\u00ad", @"'\xa0\xad'")]
    [InlineData("\U0001F600", "'\U0001F600'")]
    [InlineData("\U000E0001", @"'\U000e0001'")]
    [InlineData("\uffff", @"'\uffff'")]
    public void Repr_in_312_keeps_printable_non_ASCII_and_escapes_the_rest(string text, string expected)
    {
        using var rt = TestRuntimes.Create("py312");
        using var scope = rt.OpenScope();
        Assert.Equal(expected, rt.Repr(rt.Str(text)));
    }

    [Fact]
    public void Repr_in_312_escapes_a_lone_surrogate()
    {
        // python3.12: print(ascii(repr('\ud800'))) → "'\\ud800'" (not an InlineData: xunit's
        // serialization of theory data replaces lone surrogates)
        using var rt = TestRuntimes.Create("py312");
        using var scope = rt.OpenScope();
        Assert.Equal(@"'a\ud800b'", rt.Repr(rt.Str("a\ud800b")));
    }

    [Fact]
    public void Repr_in_27_escapes_every_byte_outside_printable_ASCII()
    {
        // python2.7: print(repr('\x80\xff\x7f\xe9')) → '\x80\xff\x7f\xe9'
        using var rt = TestRuntimes.Create("py27");
        using var scope = rt.OpenScope();
        Assert.Equal(@"'\x80\xff\x7f\xe9'", rt.Repr(rt.Str("\u0080\u00ff\u007f\u00e9")));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Str_of_a_str_is_the_str_itself(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var s = rt.Str("it's\n");
        Assert.Equal("it's\n", rt.Str(s));
    }

    [Theory]
    // python2.7: for s in ['', 'a', 'abc', 'Task', 'hello world', 'refheap']: print(hash(s))
    // (2.7 hash randomization is off unless -R or PYTHONHASHSEED asks for it)
    [InlineData("", 0L)]
    [InlineData("a", 12416037344L)]
    [InlineData("abc", 1453079729188098211L)]
    [InlineData("Task", -1504845438363502013L)]
    [InlineData("hello world", -2324238377118044897L)]
    [InlineData("refheap", -8860307619001942726L)]
    public void Hash_equals_CPython_27s(string text, long expected)
    {
        using var rt = TestRuntimes.Create("py27");
        using var scope = rt.OpenScope();
        var s = rt.Str(text).Ref();
        Assert.Equal(expected, rt.Heap.Hash(s.Ptr));

        // The second call reads the cached hash.
        Assert.Equal(expected, rt.Heap.Hash(s.Ptr));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Equal_strs_hash_equal_whichever_object_holds_the_text(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var a = rt.Str("task-1").Ref();
        var b = rt.Str("task-1").Ref();
        Assert.NotEqual(a.Address, b.Address);
        Assert.Equal(rt.Heap.Hash(a.Ptr), rt.Heap.Hash(b.Ptr));
        Assert.Equal(rt.Heap.Hash(a.Ptr), rt.Heap.Hash(rt.Heap.InternString("task-1").Ptr));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Interning_gives_one_object_per_text_that_the_census_does_not_count(string profile)
    {
        // python2.7: intern('name') is intern('name') → True; python3.12: sys.intern likewise.
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var a = rt.Heap.InternString("an_identifier");
        var b = rt.Heap.InternString("an_identifier");
        Assert.Equal(a, b);
        Assert.True(StrType.IsInterned(a.Ptr));
        Assert.True(rt.TakeCensus().SameObjectsAs(start));
        using (rt.OpenScope())
        {
            var fresh = rt.Str("an_identifier").Ref();
            Assert.NotEqual(a, fresh);
            Assert.False(StrType.IsInterned(fresh.Ptr));
            Assert.Equal(1, rt.TakeCensus().Since(start)["str"]);
        }

        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Attribute_names_are_interned(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var task = rt.Call(rt.DefineClass("Task"));
            task.SetAttr("title", rt.Int(1));
            var dict = task.GetAttr("__dict__").Ref();
            var title = rt.Heap.InternString("title");
            Assert.Equal(1, rt.Heap.Types.Dict.Count(dict.Ptr));
            Assert.True(rt.Heap.Types.Dict.GetItem(dict.Ptr, title.Ptr) != null);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Equal_texts_compare_equal_and_order_by_code_point(string profile)
    {
        // python2.7 and python3.12: 'a' < 'b', 'abc' < 'abd', 'ab' < 'abc', 'B' < 'a' → True
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        Assert.True(rt.AreEqual(rt.Str("abc"), rt.Str("abc")));
        Assert.False(rt.AreEqual(rt.Str("abc"), rt.Str("abC")));
        Assert.True(Less(rt, "a", "b"));
        Assert.True(Less(rt, "abc", "abd"));
        Assert.True(Less(rt, "ab", "abc"));
        Assert.True(Less(rt, "B", "a"));
        Assert.False(Less(rt, "abc", "abc"));
        Assert.False(Less(rt, "b", "a"));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_str_is_never_equal_to_an_int(string profile)
    {
        // python2.7 / python3.12: 'a' == 1 → False; '1' == 1 → False
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        Assert.False(rt.AreEqual(rt.Str("a"), rt.Int(1)));
        Assert.False(rt.AreEqual(rt.Str("1"), rt.Int(1)));
    }

    [Fact]
    public void Ordering_a_str_against_an_int_raises_TypeError_in_312()
    {
        // python3.12: 'a' < 1 → TypeError: '<' not supported between instances of 'str' and 'int'
        using var rt = TestRuntimes.Create("py312");
        using var scope = rt.OpenScope();
        var e = Assert.Throws<PythonException>(() => LessObjects(rt, rt.Str("a"), rt.Int(1)));
        Assert.Equal("TypeError", e.TypeName);
        Assert.Equal("'<' not supported between instances of 'str' and 'int'", e.PythonMessage);
    }

    [Fact]
    public void Ordering_a_str_against_an_int_puts_the_number_first_in_27()
    {
        // python2.7: 'a' < 1 → False; 1 < 'a' → True
        using var rt = TestRuntimes.Create("py27");
        using var scope = rt.OpenScope();
        Assert.False(LessObjects(rt, rt.Str("a"), rt.Int(1)));
        Assert.True(LessObjects(rt, rt.Int(1), rt.Str("a")));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_empty_str_is_one_shared_object_outside_the_census(string profile)
    {
        // python2.7 / python3.12: '' is str() → True (the empty string is a singleton)
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        using (rt.OpenScope())
        {
            var a = rt.Str("");
            var b = rt.Str("");
            Assert.True(a.Is(b));
            Assert.Equal((nint)rt.Heap.Types.Str.Empty, a.Id);
            Assert.True(rt.TakeCensus().SameObjectsAs(start));
            Assert.Equal(0, rt.Length(a));
        }

        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void SizeOf_counts_the_header_and_grows_with_the_text(string profile)
    {
        // python2.7: getsizeof('') = 37, +1 per char; python3.12: 41, +1 per ASCII char. Refheap
        // stores UTF-16 (DESIGN.md: the layout is ours), so +2 per char after a 40-byte header.
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var sizes = new[] { "a", "ab", "abc", new string('x', 100) }.Select(t => rt.Str(t).SizeOf()).ToArray();
        Assert.Equal(PyStrObject.DataOffset + (2 * 2), sizes[0]);
        Assert.Equal(2, sizes[1] - sizes[0]);
        Assert.Equal(2, sizes[2] - sizes[1]);
        Assert.Equal(sizes[0] + (2 * 99), sizes[3]);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_str_uses_exactly_its_size_in_heap_bytes_and_returns_them_when_freed(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var before = rt.Heap.Allocator.BytesInUse;
        long size;
        using (rt.OpenScope())
        {
            var s = rt.Str(new string('y', 1000));
            size = s.SizeOf();
            Assert.Equal(before + size, rt.Heap.Allocator.BytesInUse);
        }

        Assert.Equal(before, rt.Heap.Allocator.BytesInUse);
        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Many_freed_strs_return_every_byte(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var before = rt.Heap.Allocator.BytesInUse;
        using (rt.OpenScope())
        {
            var list = rt.List();
            for (var i = 0; i < 2000; i++)
            {
                rt.Append(list, rt.Str("task number " + i));
            }

            Assert.Equal(2000, rt.TakeCensus().Since(start)["str"]);
        }

        // The list went to its free list, which only 3.12's full collection empties.
        rt.Gc.Collect();
        rt.Heap.FreeLists.ClearAll();
        Assert.Equal(before, rt.Heap.Allocator.BytesInUse);
        Leaks.AssertBackTo(rt, start);
    }

    private static bool Less(Runtime rt, string a, string b) => LessObjects(rt, rt.Str(a), rt.Str(b));

    private static bool LessObjects(Runtime rt, Handle a, Handle b)
    {
        var r = rt.Heap.RichCompareBool(a.Ref().Ptr, b.Ref().Ptr, CompareOp.Lt);
        return r >= 0 ? r == 1 : throw rt.Heap.TakeErrorAsException();
    }
}
