using System.Diagnostics;
using System.Numerics;
using Refheap.Objects.Native.Float;
using Refheap.Objects.Native.Int;

namespace Refheap.Objects;

/// <summary>
/// The number protocol: making and reading ints and floats, arithmetic, comparison across
/// int, long, bool and float, and sequence indexing by an int.
/// </summary>
/// <remarks>
/// <para>
/// Every binary operation classifies its operands once (<see cref="Classify"/>), then takes
/// one of three paths: both ints fitting in a long (checked arithmetic, allocation-free but
/// for the result), ints of any size (<see cref="BigInteger"/> temporaries), or floats (an
/// int operand converted exactly or with OverflowError). Nothing wraps. There is no
/// NotImplemented: a result is a new reference, or null with TypeError,
/// ZeroDivisionError, OverflowError, ValueError or MemoryError set.
/// </para>
/// <para>
/// Result types follow CPython: py27's int results that do not fit in a machine word become
/// <c>long</c>, and a <c>long</c> operand makes a <c>long</c> result even when it would fit;
/// bool &amp; | ^ bool is a bool; everything else on bools is an int.
/// </para>
/// </remarks>
internal sealed unsafe partial class Heap
{
    /// <summary>
    /// CPython 2.7's number model: classic <c>/</c> on ints, and 2.7's wording of number
    /// errors. It goes with the machine int that promotes to long, so it reads that one
    /// profile switch rather than adding a field per message.
    /// </summary>
    private bool LegacyNumbers => Profile.IntPromotesToLong;

    /// <summary>An int (py27: a machine int; py312: cached for -5..256): a new reference, or null with MemoryError set.</summary>
    public PyRef NewInt(long value) => Types.Int.New(value);

    /// <summary>An int of any size (py27: an int when it fits in a long, else a long): a new reference, or null with MemoryError set.</summary>
    public PyRef NewInt(BigInteger value) => BigResult(value, asLong: false);

    /// <summary>A float: a new reference, or null with MemoryError set.</summary>
    public PyRef NewFloat(double value) => Types.Float.New(value);

    /// <summary>Whether <paramref name="o"/> is an int, a long (py27) or a bool, or an instance of a subclass.</summary>
    public bool IsInt(PyObject* o)
    {
        var k = Classify(o).Kind;
        return k == NumberKind.Small || k == NumberKind.Big;
    }

    /// <summary>Whether <paramref name="o"/> is a float or an instance of a subclass.</summary>
    public bool IsFloat(PyObject* o) => Classify(o).Kind == NumberKind.Float;

    /// <summary>The value of an int, long or bool that fits in a long; false (no error set) otherwise.</summary>
    public bool TryAsLong(PyObject* o, out long value)
    {
        var x = Classify(o);
        value = x.Small;
        return x.Kind == NumberKind.Small;
    }

    /// <summary>The value of an int, long or bool, which <paramref name="o"/> must be.</summary>
    public BigInteger AsBigInteger(PyObject* o)
    {
        var x = Classify(o);
        Debug.Assert(x.Kind is NumberKind.Small or NumberKind.Big, "AsBigInteger takes an int");
        return x.Big;
    }

    /// <summary>
    /// The value of an int, long, bool or float as a double, correctly rounded; -1.0 with
    /// OverflowError set for an int beyond a double's range, or TypeError for a non-number.
    /// </summary>
    public double AsDouble(PyObject* o)
    {
        var x = Classify(o);
        if (x.Kind == NumberKind.None)
        {
            _ = RaiseTypeError(LegacyNumbers ? "a float is required" : $"must be real number, not {TypeName(o)}");
            return -1.0;
        }

        return TryToDouble(x, out var d) ? d : -1.0;
    }

    /// <summary>
    /// Resolves a sequence index: <paramref name="key"/> must be an int (bool and long
    /// included), a negative index counts from the end. False with IndexError
    /// ("<paramref name="typeName"/> index out of range", or "cannot fit 'int' into an
    /// index-sized integer") or TypeError ("<paramref name="typeName"/> indices must be
    /// integers", 3.12 adding "or slices") set.
    /// </summary>
    public bool TryIndex(PyObject* key, nint length, string typeName, out nint index)
    {
        index = 0;
        var x = Classify(key);
        if (x.Kind == NumberKind.Small)
        {
            var i = x.Small;
            if (i < 0)
            {
                i += length;
            }

            if ((ulong)i < (ulong)length)
            {
                index = (nint)i;
                return true;
            }

            _ = RaiseIndexError($"{typeName} index out of range");
            return false;
        }

        if (x.Kind == NumberKind.Big)
        {
            _ = RaiseIndexError($"cannot fit '{TypeName(key)}' into an index-sized integer");
            return false;
        }

        if (TryIndexSpecial(key, out var asInt))
        {
            var found = !asInt.IsNull && TryIndex(asInt.Ptr, length, typeName, out index);
            asInt.XDecRef();
            return found;
        }

        _ = RaiseTypeError(LegacyNumbers
            ? $"{typeName} indices must be integers, not {TypeName(key)}"
            : $"{typeName} indices must be integers or slices, not {TypeName(key)}");
        return false;
    }

    /// <summary>
    /// A user object's <c>__index__</c> (PyNumber_Index for what is not an int): false when its
    /// class has none; otherwise <paramref name="value"/> is the int it returned (a new
    /// reference), or null with the error set (TypeError when it returned something else).
    /// </summary>
    public bool TryIndexSpecial(PyObject* o, out PyRef value)
    {
        value = PyRef.Null;
        if (!o->Type->Descriptor.IsHeapType && o->Type->Descriptor is not Native.Classic.ClassicInstanceType)
        {
            return false;
        }

        if (!TryCallSpecial(o, "__index__", out value))
        {
            return false;
        }

        if (!value.IsNull && !IsInt(value.Ptr))
        {
            var returned = TypeName(value.Ptr);
            value.DecRef();
            value = PyRef.Null;
            _ = RaiseTypeError(LegacyNumbers ? $"__index__ returned non-(int,long) (type {returned})" : $"__index__ returned non-int (type {returned})");
        }

        return true;
    }

    /// <summary><c>a + b</c> on numbers: a new reference, or null with the error set.</summary>
    public PyRef Add(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.Add);

    /// <summary><c>a - b</c>.</summary>
    public PyRef Subtract(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.Subtract);

    /// <summary><c>a * b</c>.</summary>
    public PyRef Multiply(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.Multiply);

    /// <summary><c>a / b</c> as true division (3.x, or 2.7 under <c>from __future__ import division</c>): ints give a correctly rounded float.</summary>
    public PyRef TrueDivide(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.TrueDivide);

    /// <summary><c>a / b</c> as the profile's <c>/</c>: py27 classic division (floor for ints and longs, true for floats), py312 true division.</summary>
    public PyRef Divide(PyObject* a, PyObject* b) => Binary(a, b, LegacyNumbers ? BinaryOp.ClassicDivide : BinaryOp.TrueDivide);

    /// <summary><c>a // b</c>.</summary>
    public PyRef FloorDivide(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.FloorDivide);

    /// <summary><c>a % b</c>: printf-style formatting when a is a str, else on numbers (the result has the sign of b).</summary>
    public PyRef Remainder(PyObject* a, PyObject* b) =>
        IsInstance(a, Types.Str) ? Native.Str.Formatting.PercentFormatter.Format(this, a, b) : Binary(a, b, BinaryOp.Remainder);

    /// <summary><c>a ** b</c>; an int to a negative int power is a float.</summary>
    public PyRef Power(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.Power);

    /// <summary><c>a &lt;&lt; b</c>.</summary>
    public PyRef LeftShift(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.LeftShift);

    /// <summary><c>a &gt;&gt; b</c>.</summary>
    public PyRef RightShift(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.RightShift);

    /// <summary><c>a &amp; b</c>.</summary>
    public PyRef And(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.And);

    /// <summary><c>a | b</c>.</summary>
    public PyRef Or(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.Or);

    /// <summary><c>a ^ b</c>.</summary>
    public PyRef Xor(PyObject* a, PyObject* b) => Binary(a, b, BinaryOp.Xor);

    /// <summary><c>-a</c>.</summary>
    public PyRef Negative(PyObject* a)
    {
        var x = Classify(a);
        switch (x.Kind)
        {
            case NumberKind.Float:
                return NewFloat(-x.Float);
            case NumberKind.Small when x.Small != long.MinValue:
                return IntResult(-x.Small, x.IsLong);
            case NumberKind.Small:
            case NumberKind.Big:
                return BigResult(-x.Big, x.IsLong);
            default:
                return RaiseTypeError($"bad operand type for unary -: '{TypeName(a)}'");
        }
    }

    /// <summary><c>+a</c>: the same object for an exact int, long or float; an int for a bool.</summary>
    public PyRef Positive(PyObject* a)
    {
        var x = Classify(a);
        if (x.Kind == NumberKind.None)
        {
            return RaiseTypeError($"bad operand type for unary +: '{TypeName(a)}'");
        }

        return Copy(a, x);
    }

    /// <summary><c>abs(a)</c>.</summary>
    public PyRef Absolute(PyObject* a)
    {
        var x = Classify(a);
        switch (x.Kind)
        {
            case NumberKind.Float:
                return NewFloat(Math.Abs(x.Float));
            case NumberKind.Small when x.Small < 0 && x.Small != long.MinValue:
                return IntResult(-x.Small, x.IsLong);
            case NumberKind.Small when x.Small >= 0:
                return Copy(a, x);
            case NumberKind.Small:
            case NumberKind.Big:
                return x.Big.Sign < 0 ? BigResult(-x.Big, x.IsLong) : Copy(a, x);
            default:
                return RaiseTypeError($"bad operand type for abs(): '{TypeName(a)}'");
        }
    }

    /// <summary><c>~a</c> on ints: -a - 1.</summary>
    public PyRef Invert(PyObject* a)
    {
        var x = Classify(a);
        return x.Kind switch
        {
            NumberKind.Small => IntResult(~x.Small, x.IsLong),
            NumberKind.Big => BigResult(-x.Big - 1, x.IsLong),
            _ => RaiseTypeError($"bad operand type for unary ~: '{TypeName(a)}'"),
        };
    }

    /// <summary>
    /// Rich comparison of two numbers, exact across int, long, bool and float (2**53 + 1 !=
    /// float(2**53); nan is unordered); NotImplemented when either is not a number. The
    /// RichCompare of int, long, bool and float.
    /// </summary>
    public PyRef CompareNumbers(PyObject* a, PyObject* b, CompareOp op)
    {
        var x = Classify(a);
        var y = Classify(b);
        if (x.Kind == NumberKind.None || y.Kind == NumberKind.None)
        {
            return NotImplemented;
        }

        // c: -1, 0, 1, or 2 when unordered (a nan is involved).
        int c;
        if (x.Kind == NumberKind.Float && y.Kind == NumberKind.Float)
        {
            c = x.Float < y.Float ? -1 : x.Float > y.Float ? 1 : x.Float == y.Float ? 0 : 2;
        }
        else if (y.Kind == NumberKind.Float)
        {
            c = x.Kind == NumberKind.Small ? IntMath.CompareWithDouble(x.Small, y.Float) : IntMath.CompareWithDouble(x.Big, y.Float);
        }
        else if (x.Kind == NumberKind.Float)
        {
            c = y.Kind == NumberKind.Small ? IntMath.CompareWithDouble(y.Small, x.Float) : IntMath.CompareWithDouble(y.Big, x.Float);
            c = c == 2 ? 2 : -c;
        }
        else if (x.Kind == NumberKind.Small && y.Kind == NumberKind.Small)
        {
            c = x.Small.CompareTo(y.Small);
        }
        else
        {
            c = x.Big.CompareTo(y.Big);
        }

        return NewBool(c == 2 ? op == CompareOp.Ne : op.Accepts(c));
    }

    private enum NumberKind : byte
    {
        /// <summary>Not a number.</summary>
        None,

        /// <summary>An int, long or bool whose value fits in a long.</summary>
        Small,

        /// <summary>An int or long beyond a long.</summary>
        Big,

        /// <summary>A float.</summary>
        Float,
    }

    private enum BinaryOp
    {
        Add,
        Subtract,
        Multiply,
        TrueDivide,
        ClassicDivide,
        FloorDivide,
        Remainder,
        Power,
        LeftShift,
        RightShift,
        And,
        Or,
        Xor,
    }

    /// <summary>An operand, read once: its kind and value (a Big one is read from its digits on demand).</summary>
    private readonly struct Number
    {
        public readonly PyObject* Object;
        public readonly NumberKind Kind;
        public readonly bool IsLong;
        public readonly bool IsBool;
        public readonly long Small;
        public readonly double Float;

        public Number(PyObject* o, NumberKind kind, bool isLong, bool isBool, long small, double value)
        {
            Object = o;
            Kind = kind;
            IsLong = isLong;
            IsBool = isBool;
            Small = small;
            Float = value;
        }

        /// <summary>The integer value of a Small or Big operand.</summary>
        public BigInteger Big => Kind == NumberKind.Small ? Small : LongDigits.ToBigInteger(Object);
    }

    private Number Classify(PyObject* o)
    {
        var t = o->Type;
        var types = Types;
        if (t == types.Int.TypeObject)
        {
            return IntOperand(o, isBool: false);
        }

        if (t == types.Float.TypeObject)
        {
            return new Number(o, NumberKind.Float, false, false, 0, FloatType.Value(o));
        }

        if (t == types.Bool.TypeObject)
        {
            return IntOperand(o, isBool: true);
        }

        if (types.Long != null && t == types.Long.TypeObject)
        {
            return LongOperand(o);
        }

        // Instances of subclasses share their base's layout.
        if (IsSubtype(t, types.Float.TypeObject))
        {
            return new Number(o, NumberKind.Float, false, false, 0, FloatType.Value(o));
        }

        if (types.Long != null && IsSubtype(t, types.Long.TypeObject))
        {
            return LongOperand(o);
        }

        if (IsSubtype(t, types.Int.TypeObject))
        {
            return IntOperand(o, isBool: IsSubtype(t, types.Bool.TypeObject));
        }

        return default;
    }

    private Number IntOperand(PyObject* o, bool isBool) => Types.Int.TryGetValue(o, out var v)
        ? new Number(o, NumberKind.Small, false, isBool, v, 0)
        : new Number(o, NumberKind.Big, false, isBool, 0, 0);

    private static Number LongOperand(PyObject* o) => LongDigits.TryGetLong(o, out var v)
        ? new Number(o, NumberKind.Small, true, false, v, 0)
        : new Number(o, NumberKind.Big, true, false, 0, 0);

    private static string TypeName(PyObject* o) => o->Type->Descriptor.Name;

    // An integer result: a long when an operand was a long (py27 never demotes), else an int (py27 promotes when needed).
    private PyRef IntResult(long value, bool asLong) => asLong ? Types.Long!.New(value) : Types.Int.New(value);

    // An integer result of any size, as IntResult; .NET running out of memory while storing it becomes MemoryError.
    private PyRef BigResult(BigInteger value, bool asLong)
    {
        try
        {
            return asLong ? Types.Long!.New(value) : Types.Int.New(value);
        }
        catch (OutOfMemoryException)
        {
            SetNoMemory();
            return PyRef.Null;
        }
    }

    // +x: the object itself when its type is exactly int, long or float; else a new one of the base type.
    private PyRef Copy(PyObject* a, Number x)
    {
        var t = a->Type;
        if (t == Types.Int.TypeObject || t == Types.Float.TypeObject || (Types.Long != null && t == Types.Long.TypeObject))
        {
            return new PyRef(a).NewRef();
        }

        return x.Kind switch
        {
            NumberKind.Float => NewFloat(x.Float),
            NumberKind.Small => IntResult(x.Small, x.IsLong),
            _ => BigResult(x.Big, x.IsLong),
        };
    }

    private bool TryToDouble(Number x, out double d)
    {
        switch (x.Kind)
        {
            case NumberKind.Float:
                d = x.Float;
                return true;
            case NumberKind.Small:
                d = x.Small;
                return true;
            default:
                if (IntMath.TryToDouble(x.Big, out d))
                {
                    return true;
                }

                _ = RaiseOverflowError(LegacyNumbers ? "long int too large to convert to float" : "int too large to convert to float");
                return false;
        }
    }

    private PyRef Binary(PyObject* a, PyObject* b, BinaryOp op)
    {
        var x = Classify(a);
        var y = Classify(b);
        if (x.Kind == NumberKind.None || y.Kind == NumberKind.None)
        {
            return Unsupported(a, b, op);
        }

        if (x.Kind == NumberKind.Float || y.Kind == NumberKind.Float)
        {
            return op >= BinaryOp.LeftShift ? Unsupported(a, b, op) : FloatBinary(x, y, op);
        }

        if (x.Kind == NumberKind.Small && y.Kind == NumberKind.Small && TrySmallBinary(x, y, op, out var result))
        {
            return result;
        }

        try
        {
            return BigBinary(x, y, op);
        }
        catch (OutOfMemoryException)
        {
            SetNoMemory();
            return PyRef.Null;
        }
    }

    private PyRef Unsupported(PyObject* a, PyObject* b, BinaryOp op) =>
        RaiseTypeError($"unsupported operand type(s) for {Symbol(op)}: '{TypeName(a)}' and '{TypeName(b)}'");

    private static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.TrueDivide or BinaryOp.ClassicDivide => "/",
        BinaryOp.FloorDivide => "//",
        BinaryOp.Remainder => "%",
        BinaryOp.Power => "** or pow()",
        BinaryOp.LeftShift => "<<",
        BinaryOp.RightShift => ">>",
        BinaryOp.And => "&",
        BinaryOp.Or => "|",
        _ => "^",
    };

    // The fast path: both operands fit in a long. False when the result needs the big path
    // (overflow, or a true division whose operands are not exact doubles).
    private bool TrySmallBinary(Number x, Number y, BinaryOp op, out PyRef result)
    {
        long a = x.Small, b = y.Small, r;
        var asLong = x.IsLong || y.IsLong;
        result = PyRef.Null;
        switch (op)
        {
            case BinaryOp.Add:
                if (!IntMath.TryAdd(a, b, out r))
                {
                    return false;
                }

                break;
            case BinaryOp.Subtract:
                if (!IntMath.TrySubtract(a, b, out r))
                {
                    return false;
                }

                break;
            case BinaryOp.Multiply:
                if (!IntMath.TryMultiply(a, b, out r))
                {
                    return false;
                }

                break;
            case BinaryOp.FloorDivide:
            case BinaryOp.ClassicDivide:
            case BinaryOp.Remainder:
                if (b == 0)
                {
                    result = RaiseIntegerZeroDivision(op, asLong);
                    return true;
                }

                if (op == BinaryOp.Remainder)
                {
                    // 2.7's i_divmod reports -maxint-1 % -1 as an overflow and lets long do it: 0L.
                    asLong |= LegacyNumbers && b == -1 && a == long.MinValue;
                    r = IntMath.Modulo(a, b);
                }
                else if (!IntMath.TryFloorDivide(a, b, out r))
                {
                    return false;
                }

                break;
            case BinaryOp.TrueDivide:
                const long exact = 1L << 53;
                if (b == 0 || a < -exact || a > exact || b < -exact || b > exact)
                {
                    return false;
                }

                result = NewFloat((double)a / b);
                return true;
            case BinaryOp.Power:
                if (b < 0 || !IntMath.TryPower(a, b, out r))
                {
                    return false;
                }

                break;
            case BinaryOp.LeftShift:
                if (b < 0 || !IntMath.TryLeftShift(a, b, out r))
                {
                    return false;
                }

                break;
            case BinaryOp.RightShift:
                if (b < 0)
                {
                    return false;
                }

                r = IntMath.RightShift(a, b);
                break;
            case BinaryOp.And:
            case BinaryOp.Or:
            case BinaryOp.Xor:
                r = op == BinaryOp.And ? a & b : op == BinaryOp.Or ? a | b : a ^ b;
                if (x.IsBool && y.IsBool)
                {
                    // bool's own & | ^: a bool when both operands are.
                    result = NewBool(r != 0);
                    return true;
                }

                break;
            default:
                return false;
        }

        result = IntResult(r, asLong);
        return true;
    }

    private PyRef BigBinary(Number x, Number y, BinaryOp op)
    {
        var asLong = x.IsLong || y.IsLong;
        var a = x.Big;
        var b = y.Big;
        switch (op)
        {
            case BinaryOp.Add:
                return BigResult(a + b, asLong);
            case BinaryOp.Subtract:
                return BigResult(a - b, asLong);
            case BinaryOp.Multiply:
                if (BigInteger.Abs(a).GetBitLength() + BigInteger.Abs(b).GetBitLength() > IntMath.MaxBits)
                {
                    SetNoMemory();
                    return PyRef.Null;
                }

                return BigResult(a * b, asLong);
            case BinaryOp.FloorDivide:
            case BinaryOp.ClassicDivide:
                return b.IsZero ? RaiseIntegerZeroDivision(op, asLong) : BigResult(IntMath.FloorDivide(a, b), asLong);
            case BinaryOp.Remainder:
                return b.IsZero ? RaiseIntegerZeroDivision(op, asLong) : BigResult(IntMath.Modulo(a, b), asLong);
            case BinaryOp.TrueDivide:
                if (b.IsZero)
                {
                    return RaiseZeroDivision("division by zero");
                }

                return IntMath.TryTrueDivide(a, b, out var q)
                    ? NewFloat(q)
                    : RaiseOverflowError("integer division result too large for a float");
            case BinaryOp.Power:
                if (b.Sign < 0)
                {
                    // An int to a negative int power is computed in floats (long_pow / int_pow).
                    return FloatBinary(x, y, op);
                }

                return FromStatus(IntMath.Power(a, b, out var p), p, asLong);
            case BinaryOp.LeftShift:
                if (b.Sign < 0)
                {
                    return RaiseValueError("negative shift count");
                }

                if (b > long.MaxValue)
                {
                    return ShiftCountTooLarge(a, b);
                }

                return FromStatus(IntMath.LeftShift(a, (long)b, out var shifted), shifted, asLong);
            case BinaryOp.RightShift:
                if (b.Sign < 0)
                {
                    return RaiseValueError("negative shift count");
                }

                if (b > long.MaxValue)
                {
                    // 3.x: everything is shifted out; 2.7 cannot convert the count.
                    return LegacyNumbers
                        ? RaiseOverflowError("long int too large to convert to int")
                        : BigResult(a.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero, asLong);
                }

                return BigResult(IntMath.RightShift(a, (long)b), asLong);
            case BinaryOp.And:
                return BigResult(a & b, asLong);
            case BinaryOp.Or:
                return BigResult(a | b, asLong);
            default:
                return BigResult(a ^ b, asLong);
        }
    }

    // a << b with b beyond a long: 2.7 cannot convert the count; 3.12's divmod_shift
    // reports a digit count beyond Py_ssize_t as OverflowError, a smaller one runs out of memory.
    private PyRef ShiftCountTooLarge(BigInteger a, BigInteger b)
    {
        if (LegacyNumbers)
        {
            return RaiseOverflowError("long int too large to convert to int");
        }

        if (a.IsZero)
        {
            return NewInt(0);
        }

        if (b / LongDigits.Shift > long.MaxValue)
        {
            return RaiseOverflowError("too many digits in integer");
        }

        SetNoMemory();
        return PyRef.Null;
    }

    private PyRef FromStatus(NumberStatus status, BigInteger value, bool asLong)
    {
        if (status == NumberStatus.Ok)
        {
            return BigResult(value, asLong);
        }

        Debug.Assert(status == NumberStatus.NoMemory, "integer operations fail only for memory");
        SetNoMemory();
        return PyRef.Null;
    }

    private PyRef RaiseIntegerZeroDivision(BinaryOp op, bool asLong)
    {
        if (LegacyNumbers)
        {
            return RaiseZeroDivision(asLong ? "long division or modulo by zero" : "integer division or modulo by zero");
        }

        return RaiseZeroDivision(op == BinaryOp.Remainder ? "integer modulo by zero" : "integer division or modulo by zero");
    }

    private PyRef FloatBinary(Number x, Number y, BinaryOp op)
    {
        if (!TryToDouble(x, out var v) || !TryToDouble(y, out var w))
        {
            return PyRef.Null;
        }

        switch (op)
        {
            case BinaryOp.Add:
                return NewFloat(v + w);
            case BinaryOp.Subtract:
                return NewFloat(v - w);
            case BinaryOp.Multiply:
                return NewFloat(v * w);
            case BinaryOp.TrueDivide:
            case BinaryOp.ClassicDivide:
                return w == 0 ? RaiseZeroDivision("float division by zero") : NewFloat(v / w);
            case BinaryOp.FloorDivide:
                if (w == 0)
                {
                    return RaiseZeroDivision(LegacyNumbers ? "float divmod()" : "float floor division by zero");
                }

                return NewFloat(FloatMath.DivMod(v, w).Floor);
            case BinaryOp.Remainder:
                return w == 0 ? RaiseZeroDivision("float modulo") : NewFloat(FloatMath.Remainder(v, w));
            default:
                Debug.Assert(op == BinaryOp.Power, "bitwise operations on floats are rejected before");
                return FloatMath.Pow(v, w, out var result) switch
                {
                    NumberStatus.Ok => NewFloat(result),
                    NumberStatus.ZeroDivision => RaiseZeroDivision("0.0 cannot be raised to a negative power"),
                    NumberStatus.Overflow => RaiseOverflowError("(34, 'Numerical result out of range')"),

                    // 3.x returns a complex here; without a complex type both profiles raise 2.7's error.
                    _ => RaiseValueError("negative number cannot be raised to a fractional power"),
                };
        }
    }
}
