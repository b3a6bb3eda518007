using System.Numerics;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// The read-only attributes the number types share with the numeric tower: <c>real</c>,
/// <c>imag</c>, and an integer's <c>numerator</c> and <c>denominator</c> (int_get_real and
/// co), and their <c>conjugate()</c>. An integer's answers are of its own kind (2.7 longs give
/// longs), a bool's are ints.
/// </summary>
internal static unsafe class NumberAttributes
{
    /// <summary>The types whose dicts hold the attributes' getset descriptors (bool inherits int's).</summary>
    public static IEnumerable<(TypeDescriptor Type, string[] Names)> Descriptors(Heap heap)
    {
        string[] integral = ["real", "imag", "numerator", "denominator"];
        List<(TypeDescriptor, string[])> tables = [(heap.Types.Int, integral), (heap.Types.Float, ["real", "imag"])];
        if (heap.Types.Long != null)
        {
            tables.Add((heap.Types.Long, integral));
        }

        return tables;
    }

    /// <summary>Whether <paramref name="type"/> is int, 2.7's long or float: a type whose getsets are these attributes.</summary>
    public static bool IsNumberType(Heap heap, PyTypeObject* type) =>
        type == heap.Types.Int.TypeObject || type == heap.Types.Float.TypeObject
        || (heap.Types.Long != null && type == heap.Types.Long.TypeObject);

    /// <summary>
    /// The getset descriptor <paramref name="name"/> of the number type <paramref name="owner"/>
    /// read on <paramref name="instance"/> (an instance of it): a new reference, or null without
    /// an error when the owner is no number type or the name none of its attributes.
    /// </summary>
    public static PyRef Of(Heap heap, PyObject* instance, PyTypeObject* owner, PyObject* name) =>
        !IsNumberType(heap, owner) ? PyRef.Null
        : owner == heap.Types.Float.TypeObject ? OfFloat(heap, instance, name)
        : OfInteger(heap, instance, name);

    /// <summary>An attribute of an int, bool or 2.7 long: a new reference, or null without an error when <paramref name="name"/> is none of them.</summary>
    public static PyRef OfInteger(Heap heap, PyObject* self, PyObject* name)
    {
        if (StrType.EqualsText(name, "real") || StrType.EqualsText(name, "numerator"))
        {
            return Integral(heap, self);
        }

        if (StrType.EqualsText(name, "imag"))
        {
            return Integral(heap, self, BigInteger.Zero);
        }

        return StrType.EqualsText(name, "denominator") ? Integral(heap, self, BigInteger.One) : PyRef.Null;
    }

    /// <summary>An attribute of a float: a new reference, or null without an error when <paramref name="name"/> is neither.</summary>
    public static PyRef OfFloat(Heap heap, PyObject* self, PyObject* name) =>
        StrType.EqualsText(name, "real") ? Real(heap, self)
        : StrType.EqualsText(name, "imag") ? heap.NewFloat(0.0)
        : PyRef.Null;

    /// <summary>A float itself when exact (float_float), else an exact float of its value.</summary>
    public static PyRef Real(Heap heap, PyObject* self) =>
        self->Type == heap.Types.Float.TypeObject ? new PyRef(self).NewRef() : heap.NewFloat(heap.AsDouble(self));

    /// <summary>The integer itself as an exact int (a long for a 2.7 long), or <paramref name="value"/> of that kind.</summary>
    public static PyRef Integral(Heap heap, PyObject* self, BigInteger? value = null)
    {
        var longs = heap.Types.Long;
        if (longs != null && Heap.IsInstance(self, longs))
        {
            return value == null && self->Type == longs.TypeObject ? new PyRef(self).NewRef() : longs.New(value ?? heap.AsBigInteger(self));
        }

        return value == null && self->Type == heap.Types.Int.TypeObject ? new PyRef(self).NewRef() : heap.NewInt(value ?? heap.AsBigInteger(self));
    }
}
