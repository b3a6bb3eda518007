using System.Globalization;
using System.Numerics;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// py27's <c>long</c>: an arbitrary-precision integer (<see cref="PyLongObject"/>), what an
/// <c>int</c> result becomes when it does not fit in a machine word. Its repr ends in
/// <c>L</c>, and a result of a <c>long</c> operation stays a <c>long</c> even when it would
/// fit (2.7 never demotes). Allocated as an ordinary object of exactly |Size| digits
/// (<c>sys.getsizeof(0L)</c> is 24, <c>sys.getsizeof(1L)</c> 28). No small-long cache.
/// </summary>
internal sealed unsafe class LongType : TypeDescriptor
{
    /// <summary>Creates the descriptor (only when <see cref="Profile.IntPromotesToLong"/>).</summary>
    public LongType(Heap heap)
        : base(heap, "long")
    {
    }

    /// <summary>A long: a new reference, or null with MemoryError set.</summary>
    public PyRef New(long value) => new(LongDigits.New(this, value, atLeastOneDigit: false));

    /// <summary>A long: a new reference, or null with MemoryError set.</summary>
    public PyRef New(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return New((long)value);
        }

        return new PyRef(LongDigits.New(this, value, atLeastOneDigit: false));
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) =>
        LongDigits.AllocationSize(Math.Abs(LongDigits.SignedSize(self)), atLeastOneDigit: false);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self) => Heap.FreeObject(self, this, SizeOf(self));

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) =>
        NumberConstructors.Int(Heap, "long", asLong: true, args, kwargs);

    /// <inheritdoc/>
    public override long Hash(PyObject* self) => LongDigits.HashPy27(self);

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op) => Heap.CompareNumbers(self, other, op);

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) => Heap.NewString(ToDecimal(self) + "L");

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self) => Heap.NewString(ToDecimal(self));

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => LongDigits.SignedSize(self) != 0 ? 1 : 0;

    private static string ToDecimal(PyObject* o) => LongDigits.TryGetLong(o, out var v)
        ? v.ToString(CultureInfo.InvariantCulture)
        : LongDigits.ToBigInteger(o).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var value = NumberAttributes.OfInteger(Heap, self, name);
        return value.IsNull && !Heap.ErrorOccurred ? base.GetAttr(self, name) : value;
    }
}
