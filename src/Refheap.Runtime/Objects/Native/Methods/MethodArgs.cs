using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Methods;

/// <summary>
/// A built-in method's arguments as its <see cref="ArgumentSpec"/> bound them: up to four
/// parameters by position (null when not given), all borrowed from the call.
/// </summary>
internal readonly unsafe struct MethodArgs
{
    private readonly PyObject* _a0;
    private readonly PyObject* _a1;
    private readonly PyObject* _a2;
    private readonly PyObject* _a3;

    /// <summary>Binds the first parameters to <paramref name="values"/> (at most four).</summary>
    public MethodArgs(PyObject* tuple, PyObject* kwargs, ReadOnlySpan<nint> values)
    {
        Tuple = tuple;
        Kwargs = kwargs;
        Count = values.Length;
        _a0 = values.Length > 0 ? (PyObject*)values[0] : null;
        _a1 = values.Length > 1 ? (PyObject*)values[1] : null;
        _a2 = values.Length > 2 ? (PyObject*)values[2] : null;
        _a3 = values.Length > 3 ? (PyObject*)values[3] : null;
    }

    /// <summary>The call's positional arguments (a tuple): what a <c>*args</c> method reads.</summary>
    public PyObject* Tuple { get; }

    /// <summary>The keyword arguments (a dict or null) of a method that takes any (<c>dict.update</c>).</summary>
    public PyObject* Kwargs { get; }

    /// <summary>How many parameter slots there are (given or not).</summary>
    public int Count { get; }

    /// <summary>The number of positional arguments in the call.</summary>
    public nint PositionalCount => TupleType.Size(Tuple);

    /// <summary>Parameter <paramref name="i"/>, or null when not given.</summary>
    public PyObject* this[int i] => i switch
    {
        0 => _a0,
        1 => _a1,
        2 => _a2,
        3 => _a3,
        _ => null,
    };
}
