using System.Numerics;
using System.Text;
using Refheap.Objects.Native.Float;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// printf-style formatting, <c>format % values</c> for a str on the left (PyUnicode_Format in
/// 3.12, PyString_Format in 2.7): <c>%[(key)][flags][width][.precision][length]type</c> with
/// the types s r a c d i u o x X e E f F g G and %, and CPython's errors.
/// </summary>
internal static unsafe class PercentFormatter
{
    /// <summary><c>format % values</c>: a new str reference, or null with the error set.</summary>
    public static PyRef Format(Heap heap, PyObject* format, PyObject* values)
    {
        var rules = FormattingBehaviour.Of(heap.Profile);
        var state = new State(heap, values);
        var fmt = StrType.AsString(format);
        var sb = new StringBuilder(fmt.Length + 16);
        var i = 0;
        while (i < fmt.Length)
        {
            var c = fmt[i++];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }

            var ok = FormatOne(heap, rules, fmt, ref i, ref state, sb);
            state.Release();
            if (!ok)
            {
                return PyRef.Null;
            }
        }

        var unused = state.HasUnusedArguments;
        state.Release();
        return unused
            ? heap.RaiseTypeError("not all arguments converted during string formatting")
            : heap.NewString(sb.ToString());
    }

    // Formats the directive after a '%' at fmt[i]; false with the error set.
    private static bool FormatOne(Heap heap, FormattingBehaviour rules, string fmt, ref int i, ref State state, StringBuilder sb)
    {
        if (i >= fmt.Length)
        {
            heap.RaiseValueError("incomplete format");
            return false;
        }

        if (fmt[i] == '%')
        {
            sb.Append('%');
            i++;
            return true;
        }

        if (fmt[i] == '(' && !state.SelectByKey(fmt, ref i))
        {
            return false;
        }

        bool left = false, plus = false, blank = false, alternate = false, zero = false;
        for (; i < fmt.Length; i++)
        {
            switch (fmt[i])
            {
                case '-': left = true; continue;
                case '+': plus = true; continue;
                case ' ': blank = true; continue;
                case '#': alternate = true; continue;
                case '0': zero = true; continue;
            }

            break;
        }

        if (!ReadCount(heap, fmt, ref i, ref state, out var width))
        {
            return false;
        }

        if (width < -1)
        {
            // A negative '*' width means left-justified.
            left = true;
            width = -(width + 1);
        }

        var precision = -1;
        if (i < fmt.Length && fmt[i] == '.')
        {
            i++;
            if (!ReadCount(heap, fmt, ref i, ref state, out precision))
            {
                return false;
            }

            // A missing or negative precision is 0.
            precision = Math.Max(precision, 0);
        }

        if (!FormatSpec.LengthFits(heap, width) || !FormatSpec.LengthFits(heap, precision))
        {
            return false;
        }

        while (i < fmt.Length && fmt[i] is 'h' or 'l' or 'L')
        {
            i++;
        }

        if (i >= fmt.Length)
        {
            heap.RaiseValueError("incomplete format");
            return false;
        }

        var type = fmt[i++];
        var spec = new FormatSpec
        {
            Fill = ' ',
            Align = left ? '<' : '>',
            Width = width,
            Sign = plus ? '+' : blank ? ' ' : '\0',
            Precision = precision,
        };
        if (type == '%' && rules.PercentTakesWidth)
        {
            sb.Append(SpecFormatter.Pad("", "", "%", "", spec, '>'));
            return true;
        }

        var v = state.Next();
        if (v == null)
        {
            return false;
        }

        var numeric = type is 'd' or 'i' or 'u' or 'o' or 'x' or 'X' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G';
        if (numeric && zero && !left)
        {
            spec = spec with { Fill = '0', Align = '=' };
        }

        var text = type switch
        {
            's' or 'r' => Convert(heap, v, type, precision),
            'a' when rules.AsciiConversion => Convert(heap, v, type, precision),
            'c' => Character(heap, rules, v),
            'd' or 'i' or 'u' or 'o' or 'x' or 'X' => Integer(heap, rules, v, type, spec, alternate),
            'e' or 'E' or 'f' or 'F' or 'g' or 'G' => Float(heap, rules, v, type, spec, alternate),
            _ => Unsupported(heap, type, i - 1),
        };
        if (text == null)
        {
            return false;
        }

        sb.Append(numeric ? text : SpecFormatter.Pad("", "", text, "", spec, '>'));
        return true;
    }

    // A '*' (taken from the arguments) or decimal digits; -1 when absent.
    private static bool ReadCount(Heap heap, string fmt, ref int i, ref State state, out int value)
    {
        value = -1;
        if (i < fmt.Length && fmt[i] == '*')
        {
            i++;
            var v = state.Next();
            if (v == null)
            {
                return false;
            }

            if (!heap.IsInt(v) || !heap.TryAsLong(v, out var n) || n > int.MaxValue || n < -int.MaxValue)
            {
                heap.ClearError();
                heap.RaiseTypeError("* wants int");
                return false;
            }

            // A negative count is passed on as -(count) - 1, below the -1 that means "absent".
            value = n < 0 ? (int)n - 1 : (int)n;
            return true;
        }

        var start = i;
        long count = 0;
        while (i < fmt.Length && char.IsAsciiDigit(fmt[i]))
        {
            count = (count * 10) + (fmt[i++] - '0');
            if (count > int.MaxValue)
            {
                heap.RaiseValueError("width too big");
                return false;
            }
        }

        if (i > start)
        {
            value = (int)count;
        }

        return true;
    }

    private static string? Convert(Heap heap, PyObject* v, char type, int precision)
    {
        var r = type == 's' ? heap.Str(v) : heap.Repr(v);
        if (r.IsNull)
        {
            return null;
        }

        var text = StrType.AsString(r.Ptr);
        r.DecRef();
        if (type == 'a')
        {
            text = AsciiEscape(text);
        }

        return precision >= 0 && precision < text.Length ? text[..precision] : text;
    }

    /// <summary><c>ascii()</c>'s escaping of a repr: non-ASCII characters as \xNN, \uNNNN or \UNNNNNNNN.</summary>
    public static string AsciiEscape(string repr)
    {
        var sb = new StringBuilder(repr.Length);
        for (var k = 0; k < repr.Length; k++)
        {
            var ch = repr[k];
            if (ch < 0x80)
            {
                sb.Append(ch);
                continue;
            }

            var code = char.IsHighSurrogate(ch) && k + 1 < repr.Length && char.IsLowSurrogate(repr[k + 1])
                ? char.ConvertToUtf32(ch, repr[++k])
                : ch;
            sb.Append(code switch
            {
                <= 0xff => $"\\x{code:x2}",
                <= 0xffff => $"\\u{code:x4}",
                _ => $"\\U{code:x8}",
            });
        }

        return sb.ToString();
    }

    private static string? Character(Heap heap, FormattingBehaviour rules, PyObject* v)
    {
        if (Heap.IsInstance(v, heap.Types.Str))
        {
            if (StrType.LengthOf(v) == 1)
            {
                return StrType.AsString(v);
            }

            heap.RaiseTypeError("%c requires int or char");
            return null;
        }

        if (!heap.IsInt(v))
        {
            heap.RaiseTypeError(rules.Wording27 && heap.IsFloat(v) ? "integer argument expected, got float" : "%c requires int or char");
            return null;
        }

        var n = heap.AsBigInteger(v);
        if (rules.Wording27)
        {
            if (n < 0 || n > 255)
            {
                heap.RaiseOverflowError(n < 0 ? "unsigned byte integer is less than minimum" : "unsigned byte integer is greater than maximum");
                return null;
            }
        }
        else if (n < 0 || n >= 0x110000)
        {
            heap.RaiseOverflowError("%c arg not in range(0x110000)");
            return null;
        }

        return char.ConvertFromUtf32((int)n);
    }

    private static string? Integer(Heap heap, FormattingBehaviour rules, PyObject* v, char type, FormatSpec spec, bool alternate)
    {
        BigInteger value;
        var hex = type is 'o' or 'x' or 'X';
        if (heap.IsInt(v))
        {
            value = heap.AsBigInteger(v);
        }
        else if (heap.IsFloat(v) && (!hex || rules.FloatsFormatAsHex))
        {
            var d = FloatType.Value(v);
            if (!double.IsFinite(d))
            {
                heap.RaiseOverflowError(double.IsNaN(d) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
                return null;
            }

            value = new BigInteger(Math.Truncate(d));
        }
        else
        {
            var name = v->Type->Descriptor.Name;
            heap.RaiseTypeError(rules.Wording27
                ? $"%{type} format: a number is required, not {name}"
                : hex ? $"%{type} format: an integer is required, not {name}" : $"%{type} format: a real number is required, not {name}");
            return null;
        }

        var digits = SpecFormatter.IntDigits(BigInteger.Abs(value), type);
        if (spec.Precision > digits.Length)
        {
            digits = digits.PadLeft(spec.Precision, '0');
        }

        var prefix = !alternate ? "" : type switch
        {
            // 2.7's "0" prefix is not doubled on a zero.
            'o' => rules.OctalPrefix == "0" && digits[0] == '0' ? "" : rules.OctalPrefix,
            'x' => "0x",
            'X' => "0X",
            _ => "",
        };
        var sign = value.Sign < 0 ? "-" : spec.Sign == '\0' ? "" : spec.Sign.ToString();
        return SpecFormatter.Pad(sign, prefix, digits, "", spec, '>');
    }

    private static string? Float(Heap heap, FormattingBehaviour rules, PyObject* v, char type, FormatSpec spec, bool alternate)
    {
        if (!heap.IsInt(v) && !heap.IsFloat(v))
        {
            heap.RaiseTypeError(rules.Wording27 ? $"float argument required, not {v->Type->Descriptor.Name}" : $"must be real number, not {v->Type->Descriptor.Name}");
            return null;
        }

        var d = heap.AsDouble(v);
        if (heap.ErrorOccurred)
        {
            return null;
        }

        var precision = spec.Precision < 0 ? 6 : spec.Precision;
        var abs = Math.Abs(d);
        var body = !double.IsFinite(d) ? (double.IsNaN(d) ? "nan" : "inf") : type switch
        {
            'e' or 'E' => FloatDigits.Exponent(abs, precision, alternate, upper: false),
            'f' or 'F' => FloatDigits.Fixed(abs, precision, alternate),
            _ => FloatDigits.General(abs, precision, alternate, upper: false, addDotZero: false),
        };
        if (type is 'E' or 'F' or 'G')
        {
            body = body.ToUpperInvariant();
        }

        var negative = double.IsNegative(d) && !double.IsNaN(d);
        var sign = negative ? "-" : spec.Sign == '\0' ? "" : spec.Sign.ToString();
        return SpecFormatter.Pad(sign, "", body, "", spec, '>');
    }

    private static string? Unsupported(Heap heap, char type, int index)
    {
        heap.RaiseValueError(type < 0x80 && type >= ' '
            ? $"unsupported format character '{type}' (0x{(int)type:x}) at index {index}"
            : $"unsupported format character '\\x{(int)type:x}' (0x{(int)type:x}) at index {index}");
        return null;
    }

    /// <summary>Where the next argument comes from: the tuple, the single value, or the mapping's value for a key.</summary>
    private struct State
    {
        private readonly Heap _heap;
        private readonly PyObject* _values;
        private readonly PyObject* _mapping;
        private readonly nint _count;
        private nint _next;
        private PyObject* _keyed;

        public State(Heap heap, PyObject* values)
        {
            _heap = heap;
            _values = values;
            var isTuple = Heap.IsInstance(values, heap.Types.Tuple);
            _count = isTuple ? TupleType.Size(values) : -1;
            _mapping = !isTuple && !Heap.IsInstance(values, heap.Types.Str) && IsMapping(heap, values) ? values : null;
        }

        // Whether arguments are left over (a mapping's are never reported).
        public readonly bool HasUnusedArguments => _mapping == null && (_count >= 0 ? _next < _count : _next == 0);

        /// <summary>The next argument (borrowed), or null with TypeError set.</summary>
        public PyObject* Next()
        {
            if (_keyed != null)
            {
                return _keyed;
            }

            if (_count >= 0 && _next < _count)
            {
                return TupleType.Item(_values, _next++);
            }

            if (_count < 0 && _next == 0)
            {
                _next = 1;
                return _values;
            }

            _heap.RaiseTypeError("not enough arguments for format string");
            return null;
        }

        /// <summary>Reads <c>(key)</c> at fmt[i] and makes the mapping's value the argument of the rest of the directive.</summary>
        public bool SelectByKey(string fmt, ref int i)
        {
            if (_mapping == null)
            {
                _heap.RaiseTypeError("format requires a mapping");
                return false;
            }

            var depth = 1;
            var start = ++i;
            while (i < fmt.Length && depth > 0)
            {
                depth += fmt[i] == '(' ? 1 : fmt[i] == ')' ? -1 : 0;
                i++;
            }

            if (depth > 0)
            {
                _heap.RaiseValueError("incomplete format key");
                return false;
            }

            var key = _heap.NewString(fmt.AsSpan(start, i - start - 1));
            if (key.IsNull)
            {
                return false;
            }

            var value = _heap.GetItem(_mapping, key.Ptr);
            key.DecRef();
            if (value.IsNull)
            {
                return false;
            }

            Release();
            _keyed = value.Ptr;

            // The mapping is not itself an argument of a later directive.
            _next = 1;
            return true;
        }

        /// <summary>Drops the reference to a keyed value (at the end of its directive).</summary>
        public void Release()
        {
            if (_keyed != null)
            {
                Heap.ClearRef(ref _keyed);
            }
        }

        // PyMapping_Check as the formatter uses it: a dict, a list (it has mp_subscript), or a class with __getitem__.
        private static bool IsMapping(Heap heap, PyObject* o)
        {
            if (heap.IsDict(o) || Heap.IsInstance(o, heap.Types.List))
            {
                return true;
            }

            if (!o->Type->Descriptor.IsHeapType)
            {
                return false;
            }

            var name = heap.InternString("__getitem__");
            return TypeType.Lookup(o->Type, name.Ptr) != null;
        }
    }
}
