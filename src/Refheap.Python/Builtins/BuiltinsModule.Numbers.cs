using System.Globalization;
using System.Numerics;
using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary>The numeric builtins: abs, divmod, round, pow, chr, unichr, ord, hex, oct, bin.</summary>
internal sealed partial class BuiltinsModule
{
    private bool IsNumber(PyRef o) => _api.IsInt(o) || _api.IsFloat(o);

    private PyRef Abs(PyRef args, PyRef kwargs)
    {
        if (!One("abs", args, kwargs, out var o))
        {
            return PyRef.Null;
        }

        return !IsNumber(o) && _api.TryCallSpecial(o, "__abs__", [], out var r) ? r : _api.Absolute(o);
    }

    private PyRef DivMod(PyRef args, PyRef kwargs)
    {
        if (!Unpack("divmod", args, kwargs, 2, 2, out var a))
        {
            return PyRef.Null;
        }

        if (!IsNumber(a[0]) || !IsNumber(a[1]))
        {
            // A class's __divmod__, or the right operand's __rdivmod__.
            var special = SpecialBinary(a[0], a[1], "__divmod__", "__rdivmod__");
            return !special.IsNull || _api.ErrorOccurred
                ? special
                : _api.Raise("TypeError", $"unsupported operand type(s) for divmod(): '{TypeName(a[0])}' and '{TypeName(a[1])}'");
        }

        if (_api.IsTrue(a[1]) == 0)
        {
            return _api.Raise("ZeroDivisionError", _api.IsFloat(a[0]) || _api.IsFloat(a[1])
                ? "float divmod()"
                : Behaviour.Messages27 && (_api.IsLong(a[0]) || _api.IsLong(a[1])) ? "long division or modulo by zero" : "integer division or modulo by zero");
        }

        var q = _api.FloorDivide(a[0], a[1]);
        if (q.IsNull)
        {
            return q;
        }

        var r = _api.Remainder(a[0], a[1]);
        if (r.IsNull)
        {
            return Drop(q, r);
        }

        var pair = _api.NewTuple([q, r]);
        q.DecRef();
        r.DecRef();
        return pair;
    }

    // x.name(y), else y.reflected(x), for operands that are not numbers: the result, or null
    // without an error when neither defines it or both return NotImplemented.
    private PyRef SpecialBinary(PyRef x, PyRef y, string name, string reflected)
    {
        if (!IsNumber(x) && _api.TryCallSpecial(x, name, [y], out var r) && (r.IsNull || !IsNotImplemented(ref r)))
        {
            return r;
        }

        if (!IsNumber(y) && _api.TryCallSpecial(y, reflected, [x], out r) && (r.IsNull || !IsNotImplemented(ref r)))
        {
            return r;
        }

        return PyRef.Null;
    }

    // Whether a special method's result is NotImplemented (then dropped and nulled without an error).
    private bool IsNotImplemented(ref PyRef result)
    {
        if (result.IsNull)
        {
            return false;
        }

        var ni = _api.NotImplemented;
        var isIt = result == ni;
        ni.DecRef();
        if (isIt)
        {
            result.DecRef();
            result = PyRef.Null;
        }

        return isIt;
    }

    private PyRef Round(PyRef args, PyRef kwargs)
    {
        var n = ObjectApi.TupleSize(args);
        if (n > 2)
        {
            return _api.Raise("TypeError", $"round() takes at most 2 arguments ({n} given)");
        }

        var a = new PyRef[2];
        for (var i = 0; i < n; i++)
        {
            a[i] = ObjectApi.TupleItem(args, i);
        }

        if (!Keywords("round", kwargs, ["number", "ndigits"], a, 0))
        {
            return PyRef.Null;
        }

        if (a[0].IsNull)
        {
            return _api.Raise("TypeError", Behaviour.Messages27
                ? "Required argument 'number' (pos 1) not found"
                : "round() missing required argument 'number' (pos 1)");
        }

        var number = a[0];
        var ndigitsGiven = !a[1].IsNull && (Behaviour.Messages27 || !_api.IsNone(a[1]));
        long ndigits = 0;
        if (ndigitsGiven)
        {
            if (!_api.IsInt(a[1]))
            {
                return _api.Raise("TypeError", Behaviour.Messages27
                    ? $"'{TypeName(a[1])}' object cannot be interpreted as an index"
                    : $"'{TypeName(a[1])}' object cannot be interpreted as an integer");
            }

            var big = _api.AsBigInteger(a[1]);
            ndigits = big > int.MaxValue ? int.MaxValue : big < int.MinValue ? int.MinValue : (long)big;
        }

        return Behaviour.RoundHalfEvenToInt ? Round3(number, ndigitsGiven, (int)ndigits) : Round2(number, (int)ndigits);
    }

    // 2.7: a float, rounded half away from zero on the exact value.
    private PyRef Round2(PyRef number, int ndigits)
    {
        if (!IsNumber(number))
        {
            // The "d" converter's PyFloat_AsDouble: an instance's __float__, which must give a float.
            if (!_api.TryCallSpecial(number, "__float__", [], out var converted))
            {
                return _api.Raise("TypeError", "a float is required");
            }

            if (converted.IsNull)
            {
                return converted;
            }

            if (!_api.IsFloat(converted))
            {
                converted.DecRef();
                return _api.Raise("TypeError", "nb_float should return float object");
            }

            var result = Round2(converted, ndigits);
            converted.DecRef();
            return result;
        }

        var x = _api.AsDouble(number);
        if (_api.ErrorOccurred)
        {
            return PyRef.Null;
        }

        if (!double.IsFinite(x) || x == 0 || ndigits > 400)
        {
            return _api.NewFloat(x);
        }

        return _api.NewFloat(ndigits < -400 ? 0.0 * Math.Sign(x) : ObjectApi.RoundFloat(x, ndigits, halfEven: false));
    }

    // 3.x: int(round) for round(x); a float (or an int for an int) rounded half to even with ndigits.
    private PyRef Round3(PyRef number, bool ndigitsGiven, int ndigits)
    {
        if (_api.IsInt(number))
        {
            if (!ndigitsGiven || ndigits >= 0)
            {
                return _api.IsBool(number) ? _api.NewInt(_api.AsBigInteger(number)) : number.NewRef();
            }

            var value = _api.AsBigInteger(number);

            // Rounding at a digit beyond the number's own digits gives 0 (and 10**-ndigits need not be made).
            if (-(long)ndigits > (long)(value.GetBitLength() * 0.30103) + 2)
            {
                return _api.NewInt(0);
            }

            var unit = BigInteger.Pow(10, -ndigits);
            var q = BigInteger.DivRem(BigInteger.Abs(value), unit, out var rem);
            var twice = rem * 2;
            if (twice > unit || (twice == unit && !q.IsEven))
            {
                q++;
            }

            return _api.NewInt(value.Sign < 0 ? -q * unit : q * unit);
        }

        if (!_api.IsFloat(number))
        {
            var args = ndigitsGiven ? [_api.NewInt(ndigits)] : Array.Empty<PyRef>();
            try
            {
                if (_api.TryCallSpecial(number, "__round__", args, out var r))
                {
                    return r;
                }
            }
            finally
            {
                foreach (var arg in args)
                {
                    arg.XDecRef();
                }
            }

            return _api.Raise("TypeError", $"type {TypeName(number)} doesn't define __round__ method");
        }

        var x = ObjectApi.FloatValue(number);
        if (!ndigitsGiven)
        {
            if (double.IsNaN(x))
            {
                return _api.Raise("ValueError", "cannot convert float NaN to integer");
            }

            if (double.IsInfinity(x))
            {
                return _api.Raise("OverflowError", "cannot convert float infinity to integer");
            }

            return _api.NewInt(new BigInteger(Math.Round(x, MidpointRounding.ToEven)));
        }

        if (!double.IsFinite(x) || x == 0 || ndigits > 400)
        {
            return _api.NewFloat(x);
        }

        return _api.NewFloat(ndigits < -400 ? 0.0 * Math.Sign(x) : ObjectApi.RoundFloat(x, ndigits, halfEven: true));
    }

    private PyRef Pow(PyRef args, PyRef kwargs)
    {
        PyRef[] a;
        if (Behaviour.Messages27)
        {
            if (!Unpack("pow", args, kwargs, 2, 3, out a))
            {
                return PyRef.Null;
            }
        }
        else
        {
            var n = ObjectApi.TupleSize(args);
            if (n > 3)
            {
                return _api.Raise("TypeError", $"pow() takes at most 3 arguments ({n} given)");
            }

            a = new PyRef[3];
            for (var i = 0; i < n; i++)
            {
                a[i] = ObjectApi.TupleItem(args, i);
            }

            if (!Keywords("pow", kwargs, ["base", "exp", "mod"], a, 0))
            {
                return PyRef.Null;
            }

            if (a[0].IsNull || a[1].IsNull)
            {
                return _api.Raise("TypeError", a[0].IsNull ? "pow() missing required argument 'base' (pos 1)" : "pow() missing required argument 'exp' (pos 2)");
            }
        }

        if (a[2].IsNull || _api.IsNone(a[2]))
        {
            // The operator's dispatch: a class's __pow__ or reflected __rpow__ first.
            return _api.BinaryOperation(a[0], a[1], ObjectApi.Operator.Power);
        }

        if (_api.TryTernaryPower(a[0], a[1], a[2], out var ternary))
        {
            return ternary;
        }

        if (!_api.IsInt(a[0]) || !_api.IsInt(a[1]) || !_api.IsInt(a[2]))
        {
            return IsNumber(a[0]) && IsNumber(a[1]) && IsNumber(a[2])
                ? _api.Raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers")
                : _api.Raise("TypeError", $"unsupported operand type(s) for ** or pow(): '{TypeName(a[0])}', '{TypeName(a[1])}', '{TypeName(a[2])}'");
        }

        var b = _api.AsBigInteger(a[0]);
        var e = _api.AsBigInteger(a[1]);
        var m = _api.AsBigInteger(a[2]);
        if (m.IsZero)
        {
            return _api.Raise("ValueError", "pow() 3rd argument cannot be 0");
        }

        if (e.Sign < 0)
        {
            if (Behaviour.Messages27)
            {
                return _api.Raise("TypeError", "pow() 2nd argument cannot be negative when 3rd argument specified");
            }

            if (!TryInverse(b, m, out b))
            {
                return _api.Raise("ValueError", "base is not invertible for the given modulus");
            }

            e = -e;
        }

        var abs = BigInteger.Abs(m);
        var r = BigInteger.ModPow(((b % abs) + abs) % abs, e, abs);

        // The result takes the modulus's sign, as Python's % does.
        if (m.Sign < 0 && !r.IsZero)
        {
            r += m;
        }

        var asLong = Behaviour.LongSuffix && (_api.IsLong(a[0]) || _api.IsLong(a[1]) || _api.IsLong(a[2]));
        return asLong ? _api.NewLong(r) : _api.NewInt(r);
    }

    // The inverse of b modulo m (extended Euclid), for 3.8+'s pow(b, -e, m).
    private static bool TryInverse(BigInteger b, BigInteger m, out BigInteger inverse)
    {
        var mod = BigInteger.Abs(m);
        BigInteger r0 = ((b % mod) + mod) % mod, r1 = mod, s0 = 1, s1 = 0;
        while (!r1.IsZero)
        {
            var q = r0 / r1;
            (r0, r1) = (r1, r0 - (q * r1));
            (s0, s1) = (s1, s0 - (q * s1));
        }

        inverse = ((s0 % mod) + mod) % mod;
        return r0.IsOne;
    }

    private PyRef Chr(PyRef args, PyRef kwargs)
    {
        if (!One("chr", args, kwargs, out var o))
        {
            return PyRef.Null;
        }

        if (!_api.IsInt(o))
        {
            return _api.Raise("TypeError", Behaviour.Messages27 ? "an integer is required" : $"'{TypeName(o)}' object cannot be interpreted as an integer");
        }

        var v = _api.AsBigInteger(o);
        var limit = Behaviour.CharacterLimit;
        if (v < 0 || v >= limit)
        {
            return _api.Raise("ValueError", limit == 0x100 ? "chr() arg not in range(256)" : "chr() arg not in range(0x110000)");
        }

        if (v > 0xFFFF)
        {
            // Refheap's str holds UTF-16 units: such a character would be two (see the parser's CheckBasicPlane).
            return _api.Raise("NotImplementedError", $"Refheap does not support characters outside the Basic Multilingual Plane (chr({v}))");
        }

        return Text(ObjectApi.CodePointText((int)v));
    }

    private PyRef UniChr(PyRef args, PyRef kwargs)
    {
        if (!One("unichr", args, kwargs, out var o))
        {
            return PyRef.Null;
        }

        if (!_api.IsInt(o))
        {
            return _api.Raise("TypeError", "an integer is required");
        }

        var v = _api.AsBigInteger(o);
        return v < 0 || v >= 0x110000
            ? _api.Raise("ValueError", "unichr() arg not in range(0x110000) (wide Python build)")
            : Text(ObjectApi.CodePointText((int)v));
    }


    private PyRef Ord(PyRef args, PyRef kwargs)
    {
        if (!One("ord", args, kwargs, out var o))
        {
            return PyRef.Null;
        }

        if (!_api.IsStr(o))
        {
            return _api.Raise("TypeError", $"ord() expected string of length 1, but {TypeName(o)} found");
        }

        var s = ObjectApi.StrText(o);
        if (s.Length == 1)
        {
            return _api.NewInt(s[0]);
        }

        if (s.Length == 2 && char.IsSurrogatePair(s[0], s[1]) && !Behaviour.Messages27)
        {
            return _api.NewInt(char.ConvertToUtf32(s[0], s[1]));
        }

        var length = Behaviour.Messages27 ? s.Length : new StringInfo(s).LengthInTextElements;
        return _api.Raise("TypeError", $"ord() expected a character, but string of length {length} found");
    }

    // hex, oct and bin: the prefix, the digits, and 2.7's 'L' for a long.
    private PyRef IntegerText(PyRef args, PyRef kwargs, string name)
    {
        if (!One(name, args, kwargs, out var o))
        {
            return PyRef.Null;
        }

        if (!_api.IsInt(o))
        {
            // 3.x: __index__ (2.7's hex and oct look for __hex__ and __oct__, which Refheap does not model).
            if (!Behaviour.Messages27 && _api.TryIndexSpecial(o, out var asInt))
            {
                if (asInt.IsNull)
                {
                    return asInt;
                }

                var text = IntegerTextOf(_api.AsBigInteger(asInt), name);
                asInt.DecRef();
                return text;
            }

            return _api.Raise("TypeError", !Behaviour.Messages27
                ? $"'{TypeName(o)}' object cannot be interpreted as an integer"
                : name == "bin" ? $"'{TypeName(o)}' object cannot be interpreted as an index" : $"{name}() argument can't be converted to {name}");
        }

        return IntegerTextOf(_api.AsBigInteger(o), name, Behaviour.LongSuffix && name != "bin" && _api.IsLong(o));
    }

    // The prefix, the digits, and 2.7's 'L' for a long (longSuffix).
    private PyRef IntegerTextOf(BigInteger v, string name, bool longSuffix = false)
    {
        var abs = BigInteger.Abs(v);
        var (prefix, bits) = name switch
        {
            "hex" => ("0x", 4),
            "oct" => (Behaviour.OctalPrefix, 3),
            _ => ("0b", 1),
        };
        var digits = ObjectApi.PowerOfTwoDigits(abs, bits);
        if (name == "oct" && Behaviour.OctalPrefix == "0" && abs.IsZero)
        {
            // 2.7: oct(0) is '0', not '00'.
            prefix = "";
        }

        var suffix = longSuffix ? "L" : "";
        return Text((v.Sign < 0 ? "-" : "") + prefix + digits + suffix);
    }
}
