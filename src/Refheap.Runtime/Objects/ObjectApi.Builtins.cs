using System.Numerics;
using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Float;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Str.Formatting;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/// <summary>
/// What the builtins module (Refheap.Python/Builtins) needs from the heap, with safe
/// signatures. Conventions as <see cref="Heap"/>'s: new references out unless a member says
/// "borrowed", null (or -1) with the error set on failure; arguments are borrowed.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// A builtin function called <paramref name="name"/>: <paramref name="body"/> gets the
    /// arguments tuple and the keyword dict (or null), borrowed, and returns a new reference
    /// or null with the error set.
    /// </summary>
    public PyRef NewBuiltinFunction(string name, Func<PyRef, PyRef, PyRef> body) =>
        Heap.Types.NativeFunction.New(name, (_, _, args, kwargs) => body(new PyRef(args), new PyRef(kwargs)));

    /// <summary>The type object a builtins name stands for (int, str, list, ..., the exceptions), borrowed, or null.</summary>
    public PyRef BuiltinType(string name)
    {
        var t = Heap.Types;
        TypeDescriptor? d = name switch
        {
            "object" => t.Object,
            "type" => t.Type,
            "int" => t.Int,
            "long" => t.Long,
            "bool" => t.Bool,
            "float" => t.Float,
            "str" => t.Str,
            "tuple" => t.Tuple,
            "list" => t.List,
            "slice" => t.Slice,
            "dict" => t.Dict,
            "set" => t.Set,
            "frozenset" => t.FrozenSet,
            "enumerate" => t.BuiltinIterators.Enumerate,
            "reversed" => t.BuiltinIterators.Reversed,
            "map" => t.BuiltinIterators.Map,
            "filter" => t.BuiltinIterators.Filter,
            "zip" => t.BuiltinIterators.Zip,
            _ => t.Exceptions.Find(name),
        };
        return d == null ? PyRef.Null : Heap.TypeObjectOf(d);
    }

    /// <summary><c>iter(callable, sentinel)</c>: a new callable iterator (the callable must be callable).</summary>
    public PyRef NewCallableIterator(PyRef callable, PyRef sentinel) =>
        Heap.Types.BuiltinIterators.Callable.NewCallable(callable.Ptr, sentinel.Ptr);

    /// <summary>The builtins names of the profile's exception classes (aliases included).</summary>
    public IEnumerable<string> ExceptionNames => Heap.Types.Exceptions.Names;

    /// <summary>The type object of <c>range</c> (3.x) or <c>xrange</c> (2.7), borrowed.</summary>
    public PyRef RangeTypeObject => Heap.TypeObjectOf(Heap.Types.Iterators.Range);

    /// <summary>Raises the builtin exception class <paramref name="typeName"/> with a message; returns null.</summary>
    public PyRef Raise(string typeName, string message) =>
        Heap.Raise(Heap.Types.Exceptions.Find(typeName) ?? Heap.Types.Exceptions.SystemError, message);

    /// <summary>Raises an exception class (borrowed) with a message; returns null.</summary>
    public PyRef Raise(PyRef exceptionClass, string message) =>
        ((PyTypeObject*)exceptionClass.Ptr)->Descriptor is ExceptionType e ? Heap.Raise(e, message) : Raise("TypeError", message);

    /// <summary>Raises the builtin exception class <paramref name="typeName"/> without arguments (e.g. StopIteration); returns null.</summary>
    public PyRef RaiseWithoutArguments(string typeName)
    {
        var type = Heap.Types.Exceptions.Find(typeName) ?? Heap.Types.Exceptions.SystemError;
        var e = type.Instantiate(new PyRef(Heap.Types.Tuple.Empty));
        return e.IsNull ? e : Heap.RestoreError(e);
    }

    /// <summary>Whether an exception is set.</summary>
    public bool ErrorOccurred => Heap.ErrorOccurred;

    /// <summary>Whether the pending exception is an instance of the builtin exception class <paramref name="typeName"/>.</summary>
    public bool ErrorMatches(string typeName) =>
        Heap.Types.Exceptions.Find(typeName) is { } t && Heap.ErrorMatches(t);

    /// <summary>Clears the error indicator.</summary>
    public void ClearError() => Heap.ClearError();

    /// <summary>None, a new reference.</summary>
    public PyRef None => Heap.None;

    /// <summary>NotImplemented, a new reference.</summary>
    public PyRef NotImplemented => Heap.NotImplemented;

    /// <summary>A new reference to <c>Ellipsis</c>.</summary>
    public PyRef Ellipsis => Heap.Ellipsis;

    /// <summary>Whether <paramref name="o"/> is None.</summary>
    public bool IsNone(PyRef o) => o.Ptr == Heap.NoneObject;

    /// <summary>True or False.</summary>
    public PyRef NewBool(bool value) => Heap.NewBool(value);

    /// <summary>An int.</summary>
    public PyRef NewInt(long value) => Heap.NewInt(value);

    /// <summary>An int of any size (2.7: a long when it needs one).</summary>
    public PyRef NewInt(BigInteger value) => Heap.NewInt(value);

    /// <summary>A 2.7 long of any value (an int in 3.x).</summary>
    public PyRef NewLong(BigInteger value) => Heap.Types.Long != null ? Heap.Types.Long.New(value) : Heap.NewInt(value);

    /// <summary>A float.</summary>
    public PyRef NewFloat(double value) => Heap.NewFloat(value);

    /// <summary>A str.</summary>
    public PyRef NewString(string text) => Heap.NewString(text);

    /// <summary>A tuple of new references to <paramref name="items"/>.</summary>
    public PyRef NewTuple(ReadOnlySpan<PyRef> items) => Heap.NewTuple(items);

    /// <summary>A list of new references to <paramref name="items"/>.</summary>
    public PyRef NewList(ReadOnlySpan<PyRef> items) => Heap.NewList(items);

    /// <summary>An empty dict.</summary>
    public PyRef NewDict() => Heap.NewDict();

    /// <summary>The number of items of a tuple.</summary>
    public static int TupleSize(PyRef tuple) => (int)TupleType.Size(tuple.Ptr);

    /// <summary>Item <paramref name="i"/> of a tuple, borrowed.</summary>
    public static PyRef TupleItem(PyRef tuple, int i) => new(TupleType.Item(tuple.Ptr, i));

    /// <summary>The (key, value) pairs of a dict, borrowed; a null dict has none.</summary>
    public List<(PyRef Key, PyRef Value)> DictItems(PyRef dict)
    {
        var items = new List<(PyRef, PyRef)>();
        if (dict.IsNull)
        {
            return items;
        }

        nint pos = 0;
        while (Heap.Types.Dict.Next(dict.Ptr, ref pos, out var key, out var value))
        {
            items.Add((new PyRef(key), new PyRef(value)));
        }

        return items;
    }

    /// <summary>The number of items of a dict (0 for null).</summary>
    public nint DictCount(PyRef dict) => dict.IsNull ? 0 : Heap.Types.Dict.Count(dict.Ptr);

    /// <summary><c>d[key] = value</c> with a str key; 0 or -1.</summary>
    public int DictSetItem(PyRef dict, string key, PyRef value) => Heap.Types.Dict.SetItemString(dict.Ptr, key, value.Ptr);

    /// <summary>Whether <paramref name="o"/> is a str (or a subclass's instance).</summary>
    public bool IsStr(PyRef o) => Heap.IsInstance(o.Ptr, Heap.Types.Str);

    /// <summary>Whether <paramref name="o"/> is a float (or a subclass's instance).</summary>
    public bool IsFloat(PyRef o) => Heap.IsFloat(o.Ptr);

    /// <summary>Whether <paramref name="o"/> is exactly a float.</summary>
    public bool IsExactFloat(PyRef o) => o.Ptr->Type == Heap.Types.Float.TypeObject;

    /// <summary>Whether <paramref name="o"/> is a tuple (or a subclass's instance).</summary>
    public bool IsTuple(PyRef o) => Heap.IsInstance(o.Ptr, Heap.Types.Tuple);

    /// <summary>Whether <paramref name="o"/> is exactly a list.</summary>
    public bool IsExactList(PyRef o) => o.Ptr->Type == Heap.Types.List.TypeObject;

    /// <summary>Whether <paramref name="o"/> is a type object (a class).</summary>
    public bool IsType(PyRef o) => Heap.IsInstance(o.Ptr, Heap.Types.Type);

    /// <summary>Whether <paramref name="o"/> is a 2.7 long (or a subclass's instance).</summary>
    public bool IsLong(PyRef o) => Heap.Types.Long != null && Heap.IsInstance(o.Ptr, Heap.Types.Long);

    /// <summary>Whether the pending error is an Exception (not only a BaseException: not SystemExit, KeyboardInterrupt, GeneratorExit).</summary>
    public bool ErrorIsException => Heap.ErrorMatches(Heap.Types.Exceptions.Find("Exception")!);

    /// <summary><c>round(x, ndigits)</c> of a finite double on its exact value (ties to even, or away from zero).</summary>
    public static double RoundFloat(double x, int ndigits, bool halfEven) => FloatDigits.RoundToDecimals(x, ndigits, halfEven);

    /// <summary>Whether <paramref name="o"/> is an exact bool.</summary>
    public bool IsBool(PyRef o) => o.Ptr->Type == Heap.Types.Bool.TypeObject;

    /// <summary><c>issubclass(a, b)</c> for two type objects, by the MRO.</summary>
    public static bool IsSubtype(PyRef a, PyRef b) => Heap.IsSubtype((PyTypeObject*)a.Ptr, (PyTypeObject*)b.Ptr);

    /// <summary>The text of a str.</summary>
    public static string StrText(PyRef s) => StrType.AsString(s.Ptr);

    /// <summary>The value of an int, long or bool.</summary>
    public BigInteger AsBigInteger(PyRef o) => Heap.AsBigInteger(o.Ptr);

    /// <summary>The value of a float (it must be one).</summary>
    public static double FloatValue(PyRef o) => FloatType.Value(o.Ptr);

    /// <summary>The object as a double (int or float), or -1.0 with the error set.</summary>
    public double AsDouble(PyRef o) => Heap.AsDouble(o.Ptr);

    /// <summary><c>repr(o)</c>, a str.</summary>
    public PyRef ReprOf(PyRef o) => Heap.Repr(o.Ptr);

    /// <summary><c>str(o)</c>, a str.</summary>
    public PyRef StrOf(PyRef o) => Heap.Str(o.Ptr);

    /// <summary><c>ascii()</c>'s escaping of a repr text.</summary>
    public static string AsciiEscape(string repr) => PercentFormatter.AsciiEscape(repr);

    /// <summary><c>hash(o)</c>, or -1 with the error set.</summary>
    public long Hash(PyRef o) => Heap.Hash(o.Ptr);

    /// <summary><c>bool(o)</c>: 1, 0, or -1.</summary>
    public int IsTrue(PyRef o) => Heap.IsTrue(o.Ptr);

    /// <summary>Rich comparison.</summary>
    public PyRef RichCompare(PyRef a, PyRef b, CompareOp op) => Heap.RichCompare(a.Ptr, b.Ptr, op);

    /// <summary><c>a + b</c>.</summary>
    public PyRef Add(PyRef a, PyRef b) => Heap.Add(a.Ptr, b.Ptr);

    /// <summary><c>a * b</c>.</summary>
    public PyRef Multiply(PyRef a, PyRef b) => Heap.Multiply(a.Ptr, b.Ptr);

    /// <summary><c>a // b</c>.</summary>
    public PyRef FloorDivide(PyRef a, PyRef b) => Heap.FloorDivide(a.Ptr, b.Ptr);

    /// <summary><c>a % b</c>.</summary>
    public PyRef Remainder(PyRef a, PyRef b) => Heap.Remainder(a.Ptr, b.Ptr);

    /// <summary><c>a ** b</c>.</summary>
    public PyRef Power(PyRef a, PyRef b) => Heap.Power(a.Ptr, b.Ptr);

    /// <summary><c>abs(a)</c> for numbers.</summary>
    public PyRef Absolute(PyRef a) => Heap.Absolute(a.Ptr);

    /// <summary>The interned str for an identifier, borrowed (interned strings live as long as the heap).</summary>
    public PyRef InternedName(string name) => Heap.InternString(name);

    /// <summary><c>getattr(o, name)</c> with a str name object.</summary>
    public PyRef GetAttr(PyRef o, PyRef name) => Heap.GetAttr(o.Ptr, name.Ptr);

    /// <summary><c>o(*args, **kwargs)</c>: args a tuple, kwargs a dict or null.</summary>
    public PyRef Call(PyRef callable, PyRef args, PyRef kwargs) => Heap.Call(callable.Ptr, args.Ptr, kwargs.Ptr);

    /// <summary><c>callable(o)</c>.</summary>
    public bool IsCallable(PyRef o) => Heap.IsCallable(o.Ptr);

    /// <summary>
    /// Calls the special method <paramref name="name"/> when the object's class defines one
    /// (looked up on the type). False when it does not; else the result (null with the error set).
    /// </summary>
    public bool TryCallSpecial(PyRef o, string name, ReadOnlySpan<PyRef> args, out PyRef result)
    {
        result = PyRef.Null;
        if (o.Descriptor is Native.Classic.ClassicInstanceType)
        {
            return TryCallClassicMethod(o, name, args, out result);
        }

        var nameObj = Heap.InternString(name);
        if (nameObj.IsNull || o.Ptr->Type->Mro == null || TypeType.Lookup(o.Ptr->Type, nameObj.Ptr) == null)
        {
            return false;
        }

        var method = Heap.GetAttr(o.Ptr, nameObj.Ptr);
        if (method.IsNull)
        {
            return true;
        }

        result = Call(method, args);
        method.DecRef();
        return true;
    }

    /// <summary>Whether the object's class (not the instance) has the attribute <paramref name="name"/> on its MRO.</summary>
    public bool TypeHasAttribute(PyRef o, string name)
    {
        var nameObj = Heap.InternString(name);
        return !nameObj.IsNull && o.Ptr->Type->Mro != null && TypeType.Lookup(o.Ptr->Type, nameObj.Ptr) != null;
    }

    /// <summary>The digits of a non-negative integer in base 2, 8 or 16 (<paramref name="bitsPerDigit"/> 1, 3 or 4), lowercase.</summary>
    public static string PowerOfTwoDigits(BigInteger abs, int bitsPerDigit) => SpecFormatter.PowerOfTwoDigits(abs, bitsPerDigit);

    /// <summary>A code point as UTF-16 text; a surrogate code point stays one char, as a CPython str holds it.</summary>
    public static string CodePointText(int value) => SpecFormatter.CodePoint(value);

    /// <summary><c>format(value, spec)</c>: a str.</summary>
    public PyRef Format(PyRef value, string spec) => ValueFormatter.Format(Heap, value.Ptr, spec);

    /// <summary>
    /// An f-string's replacement field (3.x FORMAT_VALUE): the conversion (NUL for none, or
    /// <c>s</c>, <c>r</c>, <c>a</c>), then <c>format(value, spec)</c>. A str.
    /// </summary>
    public PyRef FormatField(PyRef value, char conversion, string spec)
    {
        if (conversion == '\0')
        {
            return Format(value, spec);
        }

        var converted = conversion switch
        {
            's' => Heap.Str(value.Ptr),
            'r' => Heap.Repr(value.Ptr),
            'a' => AsciiOf(value),
            _ => Raise("SystemError", $"unknown conversion '{conversion}'"),
        };
        if (converted.IsNull)
        {
            return converted;
        }

        var r = Format(converted, spec);
        converted.DecRef();
        return r;
    }

    private PyRef AsciiOf(PyRef value)
    {
        var r = Heap.Repr(value.Ptr);
        if (r.IsNull)
        {
            return r;
        }

        var text = PercentFormatter.AsciiEscape(StrType.AsString(r.Ptr));
        r.DecRef();
        return Heap.NewString(text);
    }
}
