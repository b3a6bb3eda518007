using Refheap.Objects;

namespace Refheap.Python.Tests.Builtins;

/// <summary>
/// <c>round</c> of an int at a digit far beyond its own is 0 in 3.12 (as CPython's, which gets
/// there by computing 10**-ndigits; Refheap answers without making that number).
/// </summary>
public sealed class RoundTests
{
    [Theory]
    [InlineData(-1_000_000_000L)]
    [InlineData(int.MinValue)]
    public void Rounding_an_int_far_left_of_its_digits_is_zero(long ndigits)
    {
        using var kit = new BuiltinsKit("py312");
        var api = kit.Api;
        var number = api.NewInt(1234);
        var digits = api.NewInt(ndigits);
        var args = api.NewTuple([number, digits]);
        Assert.Equal("-> 0", kit.Describe(api.Call(kit.Builtin("round"), args, PyRef.Null)));
        args.DecRef();
        digits.DecRef();
        number.DecRef();
    }
}
