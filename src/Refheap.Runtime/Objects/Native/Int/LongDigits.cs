using System.Buffers;
using System.Diagnostics;
using System.Numerics;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// Reading, writing and hashing the 30-bit digits of a <see cref="PyLongObject"/>, as
/// CPython's longobject.c stores them (PyLong_SHIFT 30 on 64-bit builds).
/// </summary>
/// <remarks>
/// Values that fit in a <c>long</c> are read and written without a
/// <see cref="BigInteger"/>; larger ones go through one, as a temporary managed value (the
/// stored number always lives in the object's native digits).
/// </remarks>
internal static unsafe class LongDigits
{
    /// <summary>Bits per digit (PyLong_SHIFT).</summary>
    public const int Shift = 30;

    /// <summary>The digit mask (PyLong_MASK).</summary>
    public const uint Mask = (1u << Shift) - 1;

    /// <summary>CPython 3's hash modulus bits (_PyHASH_BITS on 64-bit).</summary>
    public const int HashBits = 61;

    /// <summary>CPython 3's hash modulus, the Mersenne prime 2**61 - 1 (_PyHASH_MODULUS).</summary>
    public const ulong HashModulus = (1UL << HashBits) - 1;

    /// <summary>The signed digit count.</summary>
    public static nint SignedSize(PyObject* o) => ((PyVarObject*)o)->Size;

    /// <summary>The digit array.</summary>
    public static uint* Digits(PyObject* o) => (uint*)((byte*)o + PyLongObject.DigitsOffset);

    /// <summary>Bytes of an object with <paramref name="digits"/> digits; at least one digit when <paramref name="atLeastOneDigit"/> (py312).</summary>
    public static nuint AllocationSize(nint digits, bool atLeastOneDigit) =>
        (nuint)(PyLongObject.DigitsOffset + (4 * (atLeastOneDigit ? Math.Max(digits, 1) : digits)));

    /// <summary>Digits needed for a magnitude.</summary>
    public static int DigitCount(ulong magnitude)
    {
        var bits = 64 - BitOperations.LeadingZeroCount(magnitude);
        return (bits + Shift - 1) / Shift;
    }

    /// <summary>Digits needed for a value.</summary>
    public static int DigitCount(long value) => DigitCount(Magnitude(value));

    /// <summary>Digits needed for a value; throws <see cref="OverflowException"/> beyond what an object can hold.</summary>
    public static nint DigitCount(BigInteger value)
    {
        var bits = BigInteger.Abs(value).GetBitLength();
        return checked((nint)((bits + Shift - 1) / Shift));
    }

    /// <summary>|value| as an unsigned number (exact for long.MinValue).</summary>
    public static ulong Magnitude(long value) => value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;

    /// <summary>
    /// A new object of <paramref name="type"/> (int in py312, long in py27) holding
    /// <paramref name="value"/>, sized as <see cref="AllocationSize"/> says; null with
    /// MemoryError set.
    /// </summary>
    public static PyObject* New(TypeDescriptor type, long value, bool atLeastOneDigit)
    {
        var o = type.Heap.AllocObject(type, AllocationSize(DigitCount(value), atLeastOneDigit));
        if (o != null)
        {
            Store(o, value);
        }

        return o;
    }

    /// <summary>
    /// A new object of <paramref name="type"/> holding <paramref name="value"/>; null with
    /// MemoryError set, also when the value has more digits than an object can hold.
    /// </summary>
    public static PyObject* New(TypeDescriptor type, BigInteger value, bool atLeastOneDigit)
    {
        nint digits;
        try
        {
            digits = DigitCount(value);
        }
        catch (OverflowException)
        {
            type.Heap.SetNoMemory();
            return null;
        }

        var o = type.Heap.AllocObject(type, AllocationSize(digits, atLeastOneDigit));
        if (o != null)
        {
            Store(o, value);
        }

        return o;
    }

    /// <summary>Stores <paramref name="value"/>; the object has room for <see cref="DigitCount(long)"/> digits.</summary>
    public static void Store(PyObject* o, long value)
    {
        var m = Magnitude(value);
        var d = Digits(o);
        nint n = 0;
        while (m != 0)
        {
            d[n++] = (uint)(m & Mask);
            m >>= Shift;
        }

        ((PyVarObject*)o)->Size = value < 0 ? -n : n;
    }

    /// <summary>Stores <paramref name="value"/>; the object has room for <see cref="DigitCount(BigInteger)"/> digits.</summary>
    public static void Store(PyObject* o, BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            Store(o, (long)value);
            return;
        }

        var n = ToDigits(BigInteger.Abs(value), new Span<uint>(Digits(o), (int)DigitCount(value)));
        ((PyVarObject*)o)->Size = value.Sign < 0 ? -n : n;
    }

    /// <summary>
    /// Writes the 30-bit digits of a non-negative number into <paramref name="digits"/>
    /// (least significant first) and returns how many there are.
    /// </summary>
    public static int ToDigits(BigInteger magnitude, Span<uint> digits)
    {
        Debug.Assert(magnitude.Sign >= 0, "a magnitude is not negative");
        var byteCount = magnitude.GetByteCount(isUnsigned: true);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount + 8);
        try
        {
            var bytes = rented.AsSpan(0, byteCount);
            magnitude.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
            ulong acc = 0;
            var accBits = 0;
            var n = 0;
            foreach (var b in bytes)
            {
                acc |= (ulong)b << accBits;
                accBits += 8;
                if (accBits >= Shift)
                {
                    digits[n++] = (uint)(acc & Mask);
                    acc >>= Shift;
                    accBits -= Shift;
                }
            }

            if (acc != 0)
            {
                digits[n++] = (uint)acc;
            }

            while (n > 0 && digits[n - 1] == 0)
            {
                n--;
            }

            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The value if it fits in a long.</summary>
    public static bool TryGetLong(PyObject* o, out long value)
    {
        var size = SignedSize(o);
        var n = size < 0 ? -size : size;
        var d = Digits(o);
        switch (n)
        {
            case 0:
                value = 0;
                return true;
            case 1:
                value = size < 0 ? -(long)d[0] : d[0];
                return true;
            case 2:
                var v2 = ((long)d[1] << Shift) | d[0];
                value = size < 0 ? -v2 : v2;
                return true;
            case 3:
                // 61 to 90 bits: fits when the magnitude is below 2**63 (or equal, for a negative number).
                if (d[2] >= 8)
                {
                    if (size < 0 && d[2] == 8 && d[1] == 0 && d[0] == 0)
                    {
                        value = long.MinValue;
                        return true;
                    }

                    value = 0;
                    return false;
                }

                var v3 = ((long)d[2] << (2 * Shift)) | ((long)d[1] << Shift) | d[0];
                value = size < 0 ? -v3 : v3;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The value as a managed big integer.</summary>
    public static BigInteger ToBigInteger(PyObject* o)
    {
        if (TryGetLong(o, out var small))
        {
            return small;
        }

        var size = SignedSize(o);
        var n = (int)(size < 0 ? -size : size);
        var magnitude = FromDigits(new ReadOnlySpan<uint>(Digits(o), n));
        return size < 0 ? -magnitude : magnitude;
    }

    /// <summary>The number whose 30-bit digits (least significant first) are <paramref name="digits"/>.</summary>
    public static BigInteger FromDigits(ReadOnlySpan<uint> digits)
    {
        var byteCount = (int)((((long)digits.Length * Shift) + 7) / 8) + 1;
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var bytes = rented.AsSpan(0, byteCount);
            bytes.Clear();
            ulong acc = 0;
            var accBits = 0;
            var k = 0;
            foreach (var digit in digits)
            {
                acc |= (ulong)digit << accBits;
                accBits += Shift;
                while (accBits >= 8)
                {
                    bytes[k++] = (byte)acc;
                    acc >>= 8;
                    accBits -= 8;
                }
            }

            while (accBits > 0)
            {
                bytes[k++] = (byte)acc;
                acc >>= 8;
                accBits -= 8;
            }

            return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Compares two stored numbers: -1, 0 or 1.</summary>
    public static int Compare(PyObject* a, PyObject* b)
    {
        var sa = SignedSize(a);
        var sb = SignedSize(b);
        if (sa != sb)
        {
            return sa < sb ? -1 : 1;
        }

        var da = Digits(a);
        var db = Digits(b);
        for (var i = (sa < 0 ? -sa : sa) - 1; i >= 0; i--)
        {
            if (da[i] != db[i])
            {
                var c = da[i] < db[i] ? -1 : 1;
                return sa < 0 ? -c : c;
            }
        }

        return 0;
    }

    /// <summary>CPython 3's int hash of a stored number: sign × (|value| mod 2**61 - 1), -1 becoming -2.</summary>
    public static long HashModular(PyObject* o)
    {
        var size = SignedSize(o);
        return HashModular(new ReadOnlySpan<uint>(Digits(o), (int)(size < 0 ? -size : size)), size < 0);
    }

    /// <summary>CPython 3's long_hash over 30-bit digits.</summary>
    public static long HashModular(ReadOnlySpan<uint> digits, bool negative)
    {
        ulong x = 0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            // Multiply by 2**30 modulo 2**61 - 1: a rotation of the 61-bit value.
            x = ((x << Shift) & HashModulus) | (x >> (HashBits - Shift));
            x += digits[i];
            if (x >= HashModulus)
            {
                x -= HashModulus;
            }
        }

        var h = negative ? -(long)x : (long)x;
        return h == -1 ? -2 : h;
    }

    /// <summary>CPython 3's hash of a value that fits in a long.</summary>
    public static long HashModular(long value)
    {
        var h = (long)(Magnitude(value) % HashModulus);
        h = value < 0 ? -h : h;
        return h == -1 ? -2 : h;
    }

    /// <summary>CPython 2.7's long_hash of a stored number.</summary>
    public static long HashPy27(PyObject* o)
    {
        var size = SignedSize(o);
        return HashPy27(new ReadOnlySpan<uint>(Digits(o), (int)(size < 0 ? -size : size)), size < 0);
    }

    /// <summary>CPython 2.7's long_hash of any integer (for floats with an integral value beyond a machine int).</summary>
    public static long HashPy27(BigInteger value)
    {
        var magnitude = BigInteger.Abs(value);
        var digits = new uint[(int)DigitCount(magnitude)];
        var n = ToDigits(magnitude, digits);
        return HashPy27(digits.AsSpan(0, n), value.Sign < 0);
    }

    /// <summary>
    /// CPython 2.7's long_hash: |value| modulo 2**64 - 1 (a circular shift by 30 per digit,
    /// an end-around carry per addition), times the sign; -1 becomes -2.
    /// </summary>
    public static long HashPy27(ReadOnlySpan<uint> digits, bool negative)
    {
        ulong x = 0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            x = (x >> (64 - Shift)) | (x << Shift);
            x += digits[i];
            if (x < digits[i])
            {
                x++;
            }
        }

        if (negative)
        {
            x = unchecked(0 - x);
        }

        return x == ulong.MaxValue ? -2 : (long)x;
    }
}
