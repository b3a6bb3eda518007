using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/// <summary>Which base a class with several bases is laid out as (best_base, solid_base).</summary>
internal sealed unsafe partial class Heap
{
    /// <summary>
    /// best_base: the base whose instance layout the new class extends — the one every other
    /// base's layout is a prefix of (a class over list before a plain class over object, a
    /// class with more <c>__slots__</c> before its base) — or null when two layouts conflict
    /// (list and dict, two unrelated classes with slots). The first of equals wins. Instances
    /// laid out as another base's would be read through methods made for a different layout.
    /// </summary>
    internal static PyTypeObject* BestBase(List<nint> bases)
    {
        PyTypeObject* winner = null;
        foreach (var b in bases)
        {
            var candidate = (PyTypeObject*)b;
            if (winner == null)
            {
                winner = candidate;
                continue;
            }

            if (LayoutExtends(winner, candidate))
            {
                continue;
            }

            if (!LayoutExtends(candidate, winner))
            {
                return null;
            }

            winner = candidate;
        }

        return winner;
    }

    /// <summary>
    /// Whether instances of <paramref name="a"/> are laid out as <paramref name="b"/>'s plus
    /// fields of their own (CPython's solid_base of b is one of a's solid bases): the built-in
    /// base of b is a's or a base of it, and b's <c>__slots__</c> members, if any, open a's.
    /// </summary>
    private static bool LayoutExtends(PyTypeObject* a, PyTypeObject* b)
    {
        var (solidA, slotsA) = LayoutOf(a);
        var (solidB, slotsB) = LayoutOf(b);
        if (slotsB.Count > 0 && solidA != solidB)
        {
            return false;
        }

        if (!IsSubtype(solidA.TypeObject, solidB.TypeObject) || slotsB.Count > slotsA.Count)
        {
            return false;
        }

        for (var i = 0; i < slotsB.Count; i++)
        {
            if (slotsB[i] != slotsA[i])
            {
                return false;
            }
        }

        return true;
    }

    private static (TypeDescriptor Solid, IReadOnlyList<(string Name, int Offset)> Slots) LayoutOf(PyTypeObject* t) =>
        t->Descriptor is InstanceType it ? (BuiltinSolid(it.Layout.SolidBase), it.Layout.Slots) : (BuiltinSolid(t->Descriptor), []);

    /// <summary>
    /// A built-in type's solid_base: the furthest of its bases whose instances are as big
    /// (KeyError's and ValueError's is BaseException; OSError, with fields of its own, is its own).
    /// </summary>
    private static TypeDescriptor BuiltinSolid(TypeDescriptor d)
    {
        while (d.BaseType != null && d.BaseInstanceSize != 0 && d.BaseType.BaseInstanceSize == d.BaseInstanceSize)
        {
            d = d.BaseType;
        }

        return d;
    }
}
