using Refheap.RuntimeTests.Objects.Iteration;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Methods;

public sealed class ScalarAndTupleMethodTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Tuple_index_and_count(string profile)
    {
        // python: (1, 2, 1).index(1, 1) → 2; (1, 1).count(1) → 2; (1,).index(5) → ValueError: tuple.index(x): x not in tuple
        Leaks.Check(profile, rt =>
        {
            var t = rt.Tuple(rt.Int(1), rt.Int(2), rt.Int(1));
            Assert.Equal(2, rt.ToInt64(rt.CallMethod(t, "index", rt.Int(1), rt.Int(1))));
            Assert.Equal(2, rt.ToInt64(rt.CallMethod(t, "count", rt.Int(1))));
            Assert.Equal("ValueError: tuple.index(x): x not in tuple", IterationKit.Error(() => rt.CallMethod(t, "index", rt.Int(5))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Int_bit_length_and_float_is_integer(string profile)
    {
        // python: (255).bit_length() → 8; (-256).bit_length() → 9; (0).bit_length() → 0; True.bit_length() → 1
        //         (1.0).is_integer() → True; (1.5).is_integer() → False; float('inf').is_integer() → False
        Leaks.Check(profile, rt =>
        {
            Assert.Equal(8, rt.ToInt64(rt.CallMethod(rt.Int(255), "bit_length")));
            Assert.Equal(9, rt.ToInt64(rt.CallMethod(rt.Int(-256), "bit_length")));
            Assert.Equal(0, rt.ToInt64(rt.CallMethod(rt.Int(0), "bit_length")));
            Assert.Equal(1, rt.ToInt64(rt.CallMethod(rt.Bool(true), "bit_length")));
            Assert.Equal(101, rt.ToInt64(rt.CallMethod(rt.Int(System.Numerics.BigInteger.Pow(2, 100)), "bit_length")));
            Assert.Equal("True", rt.Repr(rt.CallMethod(rt.Float(1.0), "is_integer")));
            Assert.Equal("False", rt.Repr(rt.CallMethod(rt.Float(1.5), "is_integer")));
            Assert.Equal("False", rt.Repr(rt.CallMethod(rt.Float(double.PositiveInfinity), "is_integer")));
        });
    }
}
