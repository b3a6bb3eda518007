using System.Numerics;

namespace Refheap.Objects;

/// <summary>What a <see cref="CompareOp"/> means applied to values, and its mirror image.</summary>
internal static class CompareOps
{
    /// <summary>
    /// Whether <c>x op y</c> holds, by the type's own operators (so a float NaN is unordered:
    /// every comparison false but <c>!=</c>, as float_richcompare).
    /// </summary>
    public static bool Holds<T>(this CompareOp op, T x, T y)
        where T : IComparisonOperators<T, T, bool> => op switch
        {
            CompareOp.Lt => x < y,
            CompareOp.Le => x <= y,
            CompareOp.Eq => x == y,
            CompareOp.Ne => x != y,
            CompareOp.Gt => x > y,
            _ => x >= y,
        };

    /// <summary>Whether a three-way result <paramref name="c"/> (negative, 0, positive) satisfies the comparison.</summary>
    public static bool Accepts(this CompareOp op, int c) => op.Holds(c, 0);

    /// <summary>The comparison with its operands swapped (<c>a &lt; b</c> is <c>b &gt; a</c>), as _Py_SwappedOp.</summary>
    public static CompareOp Reflected(this CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt,
        CompareOp.Le => CompareOp.Ge,
        CompareOp.Gt => CompareOp.Lt,
        CompareOp.Ge => CompareOp.Le,
        _ => op,
    };
}
