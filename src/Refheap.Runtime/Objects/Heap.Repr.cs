using System.Text;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    private readonly HashSet<nint> _reprInProgress = [];

    /// <summary>
    /// Marks a container as being repr'd (Py_ReprEnter); false when it already is, in which
    /// case the caller writes the recursive placeholder (<c>[...]</c>) instead.
    /// </summary>
    public bool ReprEnter(PyObject* o) => _reprInProgress.Add((nint)o);

    /// <summary>Ends a <see cref="ReprEnter"/>.</summary>
    public void ReprLeave(PyObject* o) => _reprInProgress.Remove((nint)o);

    /// <summary>Appends <c>repr(o)</c>; false with the error set on failure.</summary>
    public bool AppendRepr(StringBuilder sb, PyObject* o)
    {
        var r = Repr(o);
        if (r.IsNull)
        {
            return false;
        }

        sb.Append(StrType.AsSpan(r.Ptr));
        r.DecRef();
        return true;
    }

    /// <summary>
    /// Lexicographic comparison of two item arrays, as tuples and lists compare: the first
    /// unequal pair decides, otherwise the lengths do.
    /// </summary>
    public PyRef CompareSequences(PyObject** a, nint na, PyObject** b, nint nb, CompareOp op)
    {
        if ((op == CompareOp.Eq || op == CompareOp.Ne) && na != nb)
        {
            return NewBool(op == CompareOp.Ne);
        }

        nint i = 0;
        for (; i < na && i < nb; i++)
        {
            var eq = RichCompareBool(a[i], b[i], CompareOp.Eq);
            if (eq < 0)
            {
                return PyRef.Null;
            }

            if (eq == 0)
            {
                break;
            }
        }

        if (i >= na || i >= nb)
        {
            return NewBool(op.Holds(na, nb));
        }

        return op switch
        {
            CompareOp.Eq => NewBool(false),
            CompareOp.Ne => NewBool(true),
            _ => RichCompare(a[i], b[i], op),
        };
    }
}
