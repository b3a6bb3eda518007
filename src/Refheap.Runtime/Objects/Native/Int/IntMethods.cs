using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Int;

/// <summary>The methods of <c>int</c> (and 2.7's <c>long</c>): bit_length.</summary>
internal static unsafe class IntMethods
{
    /// <summary>The methods.</summary>
    public static IEnumerable<BuiltinMethod> Create() =>
    [
        new("bit_length", ArgumentSpec.NoArgs, static (h, self, _) => h.NewInt(System.Numerics.BigInteger.Abs(h.AsBigInteger(self)).GetBitLength())),
        new("conjugate", ArgumentSpec.NoArgs, static (h, self, _) => NumberAttributes.Integral(h, self)),
    ];
}
