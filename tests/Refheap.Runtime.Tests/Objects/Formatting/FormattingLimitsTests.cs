using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Str.Formatting;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Formatting;

/// <summary>
/// A width or precision the heap cannot hold gives MemoryError, as CPython does when it runs out
/// of memory, without the text ever being built in .NET memory; the heap stays usable.
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
}
