using System.Numerics;
using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// The methods of <c>int</c> (and 2.7's <c>long</c>): bit_length, conjugate, and 3.x's
/// bit_count, as_integer_ratio and is_integer.
/// </summary>
internal static unsafe class IntMethods
{
    /// <summary>The methods, for a heap's profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        List<BuiltinMethod> methods =
        [
            new("bit_length", ArgumentSpec.NoArgs, static (h, self, _) => h.NewInt(BigInteger.Abs(h.AsBigInteger(self)).GetBitLength())),
            new("conjugate", ArgumentSpec.NoArgs, static (h, self, _) => NumberAttributes.Integral(h, self)),
        ];
        if (heap.Profile.Wording == ErrorWording.Cpython27)
        {
            return methods;
        }

        methods.AddRange(
        [
            new("bit_count", ArgumentSpec.NoArgs, static (h, self, _) => h.NewInt(BitCount(h.AsBigInteger(self)))),
            new("as_integer_ratio", ArgumentSpec.NoArgs, static (h, self, _) => IntegerRatio(h, self)),
            new("is_integer", ArgumentSpec.NoArgs, static (h, _, _) => h.NewBool(true)),
        ]);
        return methods;
    }

    /// <summary>The number of one bits in the absolute value.</summary>
    private static long BitCount(BigInteger value)
    {
        long count = 0;
        foreach (var b in BigInteger.Abs(value).ToByteArray(isUnsigned: true))
        {
            count += BitOperations.PopCount(b);
        }

        return count;
    }

    /// <summary><c>n.as_integer_ratio()</c>: a new tuple (the int itself, exact int for a bool; 1).</summary>
    private static PyRef IntegerRatio(Heap heap, PyObject* self)
    {
        var n = NumberAttributes.Integral(heap, self);
        var one = n.IsNull ? PyRef.Null : heap.NewInt(1);
        var result = one.IsNull ? PyRef.Null : heap.NewTuple(n, one);
        n.XDecRef();
        one.XDecRef();
        return result;
    }
}
