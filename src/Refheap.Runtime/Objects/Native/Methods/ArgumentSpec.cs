using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Methods;

/// <summary>
/// The parameters of a built-in method and how a bad call is reported, in the words of the
/// profile's CPython: each C method parses its arguments one of a few ways
/// (<see cref="ArgumentStyle"/>), and each way words its errors differently, 2.7 and 3.12 apart.
/// </summary>
internal sealed unsafe class ArgumentSpec
{
    private ArgumentSpec(ArgumentStyle style, int min, int max, string[]? names = null, int maxPositional = int.MaxValue, string? label = null, bool anyKeywords = false, string? display = null)
    {
        Style = style;
        Min = min;
        Max = max;
        _names = names ?? [];
        _maxPositional = maxPositional;
        _label = label;
        _anyKeywords = anyKeywords;
        _display = display;
    }

    private readonly string[] _names;
    private readonly int _maxPositional;
    private readonly string? _label;
    private readonly bool _anyKeywords;
    private readonly string? _display;

    /// <summary>Whether the method is a slot wrapper (<c>__init__</c>, <c>__setitem__</c>...), which words an unbound call's errors as a descriptor's in both versions.</summary>
    public bool IsSlotWrapper => Style == ArgumentStyle.Wrapper || (Style == ArgumentStyle.VarArgs && _anyKeywords);

    /// <summary>Any arguments, positional and keyword, left to the body to check (<c>object.__init__</c>).</summary>
    public static ArgumentSpec AnyArgs { get; } = new(ArgumentStyle.VarArgs, 0, int.MaxValue, anyKeywords: true);

    /// <summary>
    /// The same parameters, with errors that name <paramref name="display"/> instead of the
    /// method (a type's <c>__init__</c> reports as its constructor: "list expected at most 1 argument, got 2").
    /// </summary>
    public ArgumentSpec Named(string display) => new(Style, Min, Max, _names, _maxPositional, _label, _anyKeywords, display);

    /// <summary>How the arguments are parsed.</summary>
    public ArgumentStyle Style { get; }

    /// <summary>
    /// Whether CPython calls the method with its arguments where they are rather than in a new
    /// tuple: in 2.7 only METH_NOARGS and METH_O; in 3.12 also Argument Clinic's METH_FASTCALL
    /// (with or without keywords). PyArg_ParseTuple's methods, the varargs ones, those taking
    /// any keywords (a dict) and the slot wrappers (<c>__init__</c> too) get a tuple in both.
    /// </summary>
    public bool IsVectorCall(bool py27) =>
        Style is ArgumentStyle.NoArgs or ArgumentStyle.One
        || (!py27 && Style is ArgumentStyle.Expect or ArgumentStyle.Keywords && !_anyKeywords && _display == null);

    /// <summary>The fewest positional arguments.</summary>
    public int Min { get; }

    /// <summary>The most positional arguments (parameters, for keyword styles).</summary>
    public int Max { get; }

    /// <summary>No arguments (METH_NOARGS).</summary>
    public static ArgumentSpec NoArgs { get; } = new(ArgumentStyle.NoArgs, 0, 0);

    /// <summary>Exactly one argument (METH_O).</summary>
    public static ArgumentSpec One { get; } = new(ArgumentStyle.One, 1, 1);

    /// <summary>
    /// A slot wrapper taking exactly <paramref name="count"/> arguments (<c>__iter__</c>,
    /// <c>__next__</c>: 0); <paramref name="unpacked"/>: one that unpacks its arguments with an
    /// empty name (<c>__setitem__</c>: " expected 2 arguments, got 1").
    /// </summary>
    public static ArgumentSpec Wrapper(int count, bool unpacked = false) => new(ArgumentStyle.Wrapper, count, count, display: unpacked ? "" : null);

    /// <summary>Any number of positional arguments, no keywords.</summary>
    public static ArgumentSpec VarArgs { get; } = new(ArgumentStyle.VarArgs, 0, int.MaxValue);

    /// <summary>From <paramref name="min"/> to <paramref name="max"/> positional arguments, reported as "f expected at most 2 arguments, got 3"; <paramref name="anyKeywords"/>: keyword arguments go to the body (<c>dict.update</c>).</summary>
    public static ArgumentSpec Expect(int min, int max, bool anyKeywords = false) => new(ArgumentStyle.Expect, min, max, anyKeywords: anyKeywords);

    /// <summary>From <paramref name="min"/> to <paramref name="max"/> positional arguments, reported as "f() takes at most 2 arguments (3 given)"; <paramref name="label"/> replaces the name in the count errors (2.7's "find/rfind/index/rindex").</summary>
    public static ArgumentSpec Takes(int min, int max, string? label = null) => new(ArgumentStyle.Takes, min, max, label: label);

    /// <summary>Parameters that may be given by keyword; only the first <paramref name="maxPositional"/> by position (0: keyword-only).</summary>
    public static ArgumentSpec Keywords(string[] names, int maxPositional = int.MaxValue) =>
        new(ArgumentStyle.Keywords, 0, names.Length, names, Math.Min(maxPositional, names.Length));

    /// <summary>
    /// Binds a call's <paramref name="args"/> (a tuple) and <paramref name="kwargs"/> (a dict or
    /// null) for the method <paramref name="name"/> of type <paramref name="typeName"/>; false
    /// with TypeError set on a bad call.
    /// </summary>
    public bool TryBind(Heap heap, string typeName, string name, PyObject* args, PyObject* kwargs, out MethodArgs bound)
    {
        bound = default;
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        if (Style != ArgumentStyle.Wrapper)
        {
            name = _display ?? name;
        }

        var n = (int)TupleType.Size(args);
        var hasKeywords = kwargs != null && heap.Types.Dict.Count(kwargs) > 0;
        if (hasKeywords && Style != ArgumentStyle.Keywords && !_anyKeywords)
        {
            // METH_NOARGS / METH_O and the clinic's positional-only methods qualify the name in 3.x.
            var who = Style is ArgumentStyle.NoArgs or ArgumentStyle.One or ArgumentStyle.Expect ? Qualified(py27, typeName, name) : name;
            heap.RaiseTypeError(Style != ArgumentStyle.Wrapper
                ? $"{who}() takes no keyword arguments"
                : py27 ? $"wrapper {name} doesn't take keyword arguments" : $"wrapper {name}() takes no keyword arguments");
            return false;
        }

        var message = Style switch
        {
            ArgumentStyle.NoArgs when n != 0 => $"{Qualified(py27, typeName, name)}() takes no arguments ({n} given)",
            ArgumentStyle.One when n != 1 => $"{Qualified(py27, typeName, name)}() takes exactly one argument ({n} given)",
            ArgumentStyle.Expect => ExpectMessage(py27, name, n),
            ArgumentStyle.Takes => TakesMessage(_label ?? name, n),
            ArgumentStyle.Keywords => KeywordsCountMessage(name, n),
            ArgumentStyle.Wrapper when n != Min => $"{(_display == null ? "" : " ")}expected {Min} argument{(py27 ? "s" : Plural(Min))}, got {n}",
            _ => null,
        };
        if (message != null)
        {
            heap.RaiseTypeError(message);
            return false;
        }

        var count = Style == ArgumentStyle.VarArgs ? 0 : Math.Min(Max, 4);

        Span<nint> values = stackalloc nint[count];
        for (var i = 0; i < Math.Min(n, count); i++)
        {
            values[i] = (nint)TupleType.Item(args, i);
        }

        if (hasKeywords && Style == ArgumentStyle.Keywords && !BindKeywords(heap, py27, name, kwargs, n, values))
        {
            return false;
        }

        bound = new MethodArgs(args, _anyKeywords ? kwargs : null, values);
        return true;
    }

    /// <summary>How the errors name the method: 3.x qualifies it with its type ("list.append"), a <see cref="Named"/> spec uses its name.</summary>
    private string Qualified(bool py27, string typeName, string name) =>
        Style == ArgumentStyle.Wrapper ? name : _display ?? (py27 ? name : $"{typeName}.{name}");

    private string? ExpectMessage(bool py27, string name, int n)
    {
        if (n >= Min && n <= Max)
        {
            return null;
        }

        if (Min == Max)
        {
            return $"{name} expected {Min} argument{(py27 ? "s" : Plural(Min))}, got {n}";
        }

        var (bound, limit) = n < Min ? ("at least", Min) : ("at most", Max);
        var plural = py27 ? "s" : Plural(limit);
        return $"{name} expected {bound} {limit} argument{plural}, got {n}";
    }

    private string? TakesMessage(string label, int n)
    {
        if (n >= Min && n <= Max)
        {
            return null;
        }

        var (bound, limit) = Min == Max ? ("exactly", Min) : n < Min ? ("at least", Min) : ("at most", Max);
        return $"{label}() takes {bound} {limit} argument{Plural(limit)} ({n} given)";
    }

    private string? KeywordsCountMessage(string name, int n)
    {
        if (n > Max)
        {
            return $"{name}() takes at most {Max} argument{Plural(Max)} ({n} given)";
        }

        if (n > _maxPositional)
        {
            return _maxPositional == 0
                ? $"{name}() takes no positional arguments"
                : $"{name}() takes at most {_maxPositional} positional argument{Plural(_maxPositional)} ({n} given)";
        }

        return null;
    }

    private bool BindKeywords(Heap heap, bool py27, string name, PyObject* kwargs, int positional, Span<nint> values)
    {
        nint pos = 0;
        while (heap.Types.Dict.Next(kwargs, ref pos, out var key, out var value))
        {
            var text = Heap.IsInstance(key, heap.Types.Str) ? StrType.AsString(key) : "";
            var index = Array.IndexOf(_names, text);
            if (index < 0 || index >= values.Length)
            {
                heap.RaiseTypeError(py27
                    ? $"'{text}' is an invalid keyword argument for this function"
                    : $"'{text}' is an invalid keyword argument for {name}()");
                return false;
            }

            if (index < positional)
            {
                heap.RaiseTypeError(py27
                    ? $"Argument given by name ('{text}') and position ({index + 1})"
                    : $"argument for {name}() given by name ('{text}') and position ({index + 1})");
                return false;
            }

            values[index] = (nint)value;
        }

        return true;
    }

    private static string Plural(int n) => n == 1 ? "" : "s";
}
