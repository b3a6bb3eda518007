using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Str.Formatting;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Formatting;

/// <summary>
/// Edges of formatting: a width or precision the heap cannot hold gives MemoryError, as CPython
/// does when it runs out of memory, without the text ever being built in .NET memory (the heap
/// stays usable); a surrogate code point is one char.
/// </summary>
public sealed unsafe class FormattingLimitsTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_width_beyond_the_heap_limit_is_a_MemoryError(string profile)
    {
        using var rt = TestRuntimes.Create(profile, heapLimit: 64L << 20);
        var start = Leaks.Start(rt);
        var heap = rt.Heap;
        var one = heap.NewInt(1);
        Assert.True(ValueFormatter.Format(heap, one.Ptr, "100000000").IsNull);
        Assert.True(heap.ErrorMatches(heap.Types.Exceptions.MemoryError));
        heap.ClearError();

        var fmt = heap.NewString("%.100000000f");
        Assert.True(heap.Remainder(fmt.Ptr, one.Ptr).IsNull);
        Assert.True(heap.ErrorMatches(heap.Types.Exceptions.MemoryError));
        heap.ClearError();

        // Within the limit the same machinery works.
        var wide = ValueFormatter.Format(heap, one.Ptr, ">1000");
        Assert.Equal(1000, StrType.LengthOf(wide.Ptr));
        wide.DecRef();
        fmt.DecRef();
        one.DecRef();
        Leaks.AssertBackTo(rt, start);
    }

    [Fact]
    public void A_surrogate_code_point_formats_as_one_char_in_312()
    {
        // python3.12: print(ascii('%c' % 0xd800), ascii(format(0xdfff, 'c'))) -> '\ud800' '\udfff'
        // (not in the oracle files: JSON readers refuse lone surrogates)
        using var rt = TestRuntimes.Create("py312");
        var start = Leaks.Start(rt);
        var heap = rt.Heap;
        var high = heap.NewInt(0xd800);
        var low = heap.NewInt(0xdfff);
        var fmt = heap.NewString("%c");
        var a = heap.Remainder(fmt.Ptr, high.Ptr);
        var b = ValueFormatter.Format(heap, low.Ptr, "c");
        Assert.Equal(1, StrType.LengthOf(a.Ptr));
        Assert.Equal(0xd800, StrType.AsString(a.Ptr)[0]);
        Assert.Equal(1, StrType.LengthOf(b.Ptr));
        Assert.Equal(0xdfff, StrType.AsString(b.Ptr)[0]);
        a.DecRef();
        b.DecRef();
        fmt.DecRef();
        low.DecRef();
        high.DecRef();
        Leaks.AssertBackTo(rt, start);
    }
}
