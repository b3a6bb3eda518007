using System.Numerics;
using Refheap.Objects.Native.Float;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// Calling the number types: <c>int(x=0, base=10)</c>, py27's <c>long(...)</c>,
/// <c>float(x=0.0)</c> and <c>bool(x=False)</c>, with the profile's error wording.
/// </summary>
/// <remarks>
/// int() takes <c>base=</c> by keyword too (2.7 also <c>x=</c>); float() and bool() take positional arguments only.
/// </remarks>
internal static unsafe class NumberConstructors
{
    /// <summary><c>int(...)</c>, or <c>long(...)</c> when <paramref name="asLong"/>: a new reference or null.</summary>
    public static PyRef Int(Heap heap, string name, bool asLong, PyObject* args, PyObject* kwargs)
    {
        var legacy = heap.Profile.IntPromotesToLong;
        var n = TupleType.Size(args);
        var given = n + (kwargs == null ? 0 : heap.Types.Dict.Count(kwargs));
        if (given > 2)
        {
            return heap.RaiseTypeError($"{name}() takes at most 2 arguments ({given} given)");
        }

        var x = n > 0 ? TupleType.Item(args, 0) : null;
        var b = n > 1 ? TupleType.Item(args, 1) : null;
        if (kwargs != null && !IntKeywords(heap, name, kwargs, ref x, ref b))
        {
            return PyRef.Null;
        }

        if (x == null)
        {
            return b != null ? heap.RaiseTypeError($"{name}() missing string argument") : Result(heap, BigInteger.Zero, asLong);
        }

        var isStr = Heap.IsInstance(x, heap.Types.Str);
        var numberBase = 10;
        if (b != null)
        {
            if (!isStr)
            {
                return heap.RaiseTypeError($"{name}() can't convert non-string with explicit base");
            }

            if (!heap.TryAsLong(b, out var bv))
            {
                return heap.IsInt(b)
                    ? heap.RaiseValueError($"{name}() base must be >= 2 and <= 36, or 0")
                    : heap.RaiseTypeError(legacy ? "an integer is required" : $"'{b->Type->Descriptor.Name}' object cannot be interpreted as an integer");
            }

            if (bv != 0 && (bv < 2 || bv > 36))
            {
                return heap.RaiseValueError($"{name}() base must be >= 2 and <= 36, or 0");
            }

            numberBase = (int)bv;
        }

        if (isStr)
        {
            var text = StrType.AsSpan(x);
            if (!IntParser.TryParse(legacy ? text : DecimalDigitsToAscii(text), numberBase, underscores: !legacy, legacyOctal: legacy, out var parsed))
            {
                // 2.7 quotes the text from its first non-blank character on.
                var shown = legacy ? text.TrimStart() : text;
                return heap.RaiseValueError($"invalid literal for {name}() with base {numberBase}: {StrType.Quote(shown)}");
            }

            return Result(heap, parsed, asLong);
        }

        if (heap.IsFloat(x))
        {
            var d = FloatType.Value(x);
            if (double.IsNaN(d))
            {
                return heap.RaiseValueError("cannot convert float NaN to integer");
            }

            if (double.IsInfinity(d))
            {
                return heap.RaiseOverflowError("cannot convert float infinity to integer");
            }

            return Result(heap, new BigInteger(Math.Truncate(d)), asLong);
        }

        if (heap.IsInt(x))
        {
            // An exact int (or long, for long()) is returned as it is.
            var exact = asLong ? heap.Types.Long!.TypeObject : heap.Types.Int.TypeObject;
            if (x->Type == exact)
            {
                return new PyRef(x).NewRef();
            }

            return Result(heap, heap.AsBigInteger(x), asLong);
        }

        // A class's conversion methods, in the profile's order (2.7: __int__ or __long__, then
        // __trunc__; 3.12: __int__, __index__, then __trunc__).
        string[] methods = !HasOwnMethods(x) ? []
            : legacy ? [asLong ? "__long__" : "__int__", "__trunc__"]
            : ["__int__", "__index__", "__trunc__"];
        foreach (var method in methods)
        {
            if (!heap.TryCallSpecial(x, method, out var converted))
            {
                continue;
            }

            if (converted.IsNull || heap.IsInt(converted.Ptr))
            {
                return converted;
            }

            var returned = converted.Descriptor.Name;
            converted.DecRef();
            return heap.RaiseTypeError(method == "__trunc__" && legacy
                ? $"__trunc__ returned non-Integral (type {returned})"
                : $"{method} returned non-int (type {returned})");
        }

        var typeName = x->Type->Descriptor.Name;
        return heap.RaiseTypeError(legacy
            ? $"{name}() argument must be a string or a number, not '{typeName}'"
            : $"{name}() argument must be a string, a bytes-like object or a real number, not '{typeName}'");
    }

    // Only a class's instances can define conversion methods (built-in types' are their own code).
    private static bool HasOwnMethods(PyObject* x) =>
        x->Type->Descriptor.IsHeapType || x->Type->Descriptor is Classic.ClassicInstanceType;

    /// <summary><c>float(...)</c>: a new reference or null.</summary>
    public static PyRef Float(Heap heap, PyObject* args, PyObject* kwargs)
    {
        var legacy = heap.Profile.IntPromotesToLong;
        if (!OneArgument(heap, "float", args, kwargs, out var x))
        {
            return PyRef.Null;
        }

        if (x == null)
        {
            return heap.NewFloat(0.0);
        }

        if (x->Type == heap.Types.Float.TypeObject)
        {
            return new PyRef(x).NewRef();
        }

        if (heap.IsFloat(x) || heap.IsInt(x))
        {
            var d = heap.AsDouble(x);
            return d == -1.0 && heap.ErrorOccurred ? PyRef.Null : heap.NewFloat(d);
        }

        if (Heap.IsInstance(x, heap.Types.Str))
        {
            var text = StrType.AsSpan(x);
            var result = FloatParser.TryParse(legacy ? text : DecimalDigitsToAscii(text), underscores: !legacy, out var value);
            if (result == FloatParser.Result.Ok)
            {
                return heap.NewFloat(value);
            }

            if (!legacy)
            {
                return heap.RaiseValueError($"could not convert string to float: {StrType.Quote(text)}");
            }

            var shown = text.TrimStart().ToString();
            return heap.RaiseValueError(result == FloatParser.Result.Invalid
                ? $"could not convert string to float: {shown}"
                : $"invalid literal for float(): {shown}");
        }

        if (HasOwnMethods(x) && heap.TryCallSpecial(x, "__float__", out var converted))
        {
            if (converted.IsNull || heap.IsFloat(converted.Ptr))
            {
                return converted;
            }

            var returned = converted.Descriptor.Name;
            converted.DecRef();
            return heap.RaiseTypeError(legacy
                ? $"__float__ returned non-float (type {returned})"
                : $"{x->Type->Descriptor.Name}.__float__ returned non-float (type {returned})");
        }

        if (!legacy && heap.TryIndexSpecial(x, out var index))
        {
            if (index.IsNull)
            {
                return index;
            }

            var d = heap.AsDouble(index.Ptr);
            index.DecRef();
            return d == -1.0 && heap.ErrorOccurred ? PyRef.Null : heap.NewFloat(d);
        }

        return heap.RaiseTypeError(legacy
            ? "float() argument must be a string or a number"
            : $"float() argument must be a string or a real number, not '{x->Type->Descriptor.Name}'");
    }

    /// <summary><c>bool(...)</c>: a new reference or null.</summary>
    public static PyRef Bool(Heap heap, PyObject* args, PyObject* kwargs)
    {
        if (!OneArgument(heap, "bool", args, kwargs, out var x))
        {
            return PyRef.Null;
        }

        if (x == null)
        {
            return heap.NewBool(false);
        }

        var truth = heap.IsTrue(x);
        return truth < 0 ? PyRef.Null : heap.NewBool(truth != 0);
    }

    private static PyRef Result(Heap heap, BigInteger value, bool asLong) =>
        asLong ? heap.Types.Long!.New(value) : heap.NewInt(value);

    /// <summary>
    /// int()'s keywords: <c>base</c> (and 2.7's <c>x</c>) fill <paramref name="x"/> and
    /// <paramref name="b"/>; another keyword, or one given by position too, is a TypeError.
    /// </summary>
    private static bool IntKeywords(Heap heap, string name, PyObject* kwargs, ref PyObject* x, ref PyObject* b)
    {
        var legacy = heap.Profile.IntPromotesToLong;
        nint pos = 0;
        while (heap.Types.Dict.Next(kwargs, ref pos, out var key, out var value))
        {
            var keyword = StrType.AsString(key);
            var (slot, position) = keyword == "base" ? (1, 2) : keyword == "x" && legacy ? (0, 1) : (-1, 0);
            if (slot < 0)
            {
                _ = heap.RaiseTypeError($"'{keyword}' is an invalid keyword argument for {(legacy ? "this function" : name + "()")}");
                return false;
            }

            if ((slot == 0 ? x : b) != null)
            {
                _ = heap.RaiseTypeError(legacy
                    ? $"Argument given by name ('{keyword}') and position ({position})"
                    : $"argument for {name}() given by name ('{keyword}') and position ({position})");
                return false;
            }

            if (slot == 0)
            {
                x = value;
            }
            else
            {
                b = value;
            }
        }

        return true;
    }

    /// <summary>
    /// float()'s and bool()'s one optional argument: 3.x's by position only, 2.7's also as
    /// <c>x=</c> (PyArg_ParseTupleAndKeywords). Null when none is given; false with TypeError set.
    /// </summary>
    private static bool OneArgument(Heap heap, string name, PyObject* args, PyObject* kwargs, out PyObject* x)
    {
        x = null;
        var keywords = kwargs == null ? 0 : heap.Types.Dict.Count(kwargs);
        if (!heap.Profile.IntPromotesToLong || keywords == 0)
        {
            if (!NoKeywords(heap, name, kwargs) || !AtMostOne(heap, name, args))
            {
                return false;
            }

            x = TupleType.Size(args) > 0 ? TupleType.Item(args, 0) : null;
            return true;
        }

        var given = TupleType.Size(args) + keywords;
        if (given > 1)
        {
            _ = heap.RaiseTypeError($"{name}() takes at most 1 argument ({given} given)");
            return false;
        }

        nint pos = 0;
        heap.Types.Dict.Next(kwargs, ref pos, out var key, out var value);
        if (!StrType.EqualsText(key, "x"))
        {
            _ = heap.RaiseTypeError($"'{StrType.AsString(key)}' is an invalid keyword argument for this function");
            return false;
        }

        x = value;
        return true;
    }

    private static bool NoKeywords(Heap heap, string name, PyObject* kwargs)
    {
        if (kwargs != null && heap.Types.Dict.Count(kwargs) > 0)
        {
            _ = heap.RaiseTypeError($"{name}() takes no keyword arguments");
            return false;
        }

        return true;
    }

    // 2.7: "float() takes at most 1 argument (2 given)"; 3.12: "float expected at most 1 argument, got 2".
    private static bool AtMostOne(Heap heap, string name, PyObject* args)
    {
        var n = TupleType.Size(args);
        if (n <= 1)
        {
            return true;
        }

        _ = heap.RaiseTypeError(heap.Profile.IntPromotesToLong
            ? $"{name}() takes at most 1 argument ({n} given)"
            : $"{name} expected at most 1 argument, got {n}");
        return false;
    }

    /// <summary>
    /// 3.x's _PyUnicode_TransformDecimalAndSpaceToASCII, before int() and float() parse a str:
    /// any Unicode decimal digit becomes its ASCII digit (int('٣') is 3), any Unicode space a
    /// space, and any other non-ASCII character '?', which no parser accepts.
    /// </summary>
    private static ReadOnlySpan<char> DecimalDigitsToAscii(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAnyExceptInRange('\0', '\x7f'))
        {
            return text;
        }

        var ascii = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var digit = c < 128 ? -1 : System.Globalization.CharUnicodeInfo.GetDecimalDigitValue(c);
            ascii[i] = c < 128 ? c : char.IsWhiteSpace(c) ? ' ' : digit >= 0 ? (char)('0' + digit) : '?';
        }

        return ascii;
    }
}
