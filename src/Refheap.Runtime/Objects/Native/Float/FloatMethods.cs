using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Float;

/// <summary>
/// The methods of <c>float</c>: conjugate, is_integer, hex, as_integer_ratio and the class
/// method <c>float.fromhex</c> (see <see cref="FloatHex"/>).
/// </summary>
internal static unsafe class FloatMethods
{
    /// <summary>The methods, for a heap's profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        return
        [
            new("conjugate", ArgumentSpec.NoArgs, static (h, self, _) => Int.NumberAttributes.Real(h, self)),
            new("is_integer", ArgumentSpec.NoArgs, static (h, self, _) =>
            {
                var d = h.AsDouble(self);
                return h.NewBool(double.IsFinite(d) && Math.Floor(d) == d);
            }),
            new("hex", ArgumentSpec.NoArgs, static (h, self, _) => h.NewString(FloatHex.ToHex(h.AsDouble(self)))),
            new("as_integer_ratio", ArgumentSpec.NoArgs, (h, self, _) => IntegerRatio(h, self, py27)),
            new("fromhex", ArgumentSpec.One, (h, _, a) => FromHex(h, a[0], py27), MethodBinding.Class),
        ];
    }

    /// <summary><c>x.as_integer_ratio()</c>: a new tuple of two new ints; OverflowError for an infinity, ValueError for a NaN.</summary>
    private static PyRef IntegerRatio(Heap heap, PyObject* self, bool py27)
    {
        var x = heap.AsDouble(self);
        if (double.IsInfinity(x))
        {
            return heap.RaiseOverflowError(py27 ? "Cannot pass infinity to float.as_integer_ratio." : "cannot convert Infinity to integer ratio");
        }

        if (double.IsNaN(x))
        {
            return heap.RaiseValueError(py27 ? "Cannot pass NaN to float.as_integer_ratio." : "cannot convert NaN to integer ratio");
        }

        FloatHex.IntegerRatio(x, out var numerator, out var denominator);
        var n = heap.NewInt(numerator);
        var d = n.IsNull ? PyRef.Null : heap.NewInt(denominator);
        var result = d.IsNull ? PyRef.Null : heap.NewTuple(n, d);
        n.XDecRef();
        d.XDecRef();
        return result;
    }

    /// <summary><c>float.fromhex(s)</c>: a new float, or ValueError / OverflowError / TypeError (each profile's words).</summary>
    private static PyRef FromHex(Heap heap, PyObject* s, bool py27)
    {
        if (!Heap.IsInstance(s, heap.Types.Str))
        {
            return heap.RaiseTypeError(py27 ? $"expected string or Unicode object, {s->Type->Descriptor.Name} found" : "bad argument type for built-in operation");
        }

        if (FloatHex.TryParse(StrType.AsString(s), out var value, out var overflow))
        {
            return heap.NewFloat(value);
        }

        return overflow
            ? heap.RaiseOverflowError("hexadecimal value too large to represent as a float")
            : heap.RaiseValueError("invalid hexadecimal floating-point string");
    }
}
