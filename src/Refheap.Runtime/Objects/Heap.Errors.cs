using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    // The error indicator: the exception being raised, owned, or null (CPython 3.12 keeps
    // the instance alone; its type and traceback are reachable from it).
    private PyObject* _error;

    /// <summary>Whether an exception is set (PyErr_Occurred).</summary>
    public bool ErrorOccurred => _error != null;

    /// <summary>The exception being raised, borrowed, or null.</summary>
    public PyRef CurrentError => new(_error);

    /// <summary>Sets the error indicator to an exception instance; steals the reference. Returns null for convenience.</summary>
    public PyRef RestoreError(PyRef exception)
    {
        SetRef(ref _error, exception.Ptr);
        return PyRef.Null;
    }

    /// <summary>Takes the exception out of the error indicator (PyErr_GetRaisedException): a new reference, or null.</summary>
    public PyRef FetchError()
    {
        var e = _error;
        _error = null;
        return new PyRef(e);
    }

    /// <summary>Clears the error indicator.</summary>
    public void ClearError() => ClearRef(ref _error);

    /// <summary>Whether the pending exception is an instance of <paramref name="type"/> or a subclass.</summary>
    public bool ErrorMatches(TypeDescriptor type) => _error != null && IsSubtype(_error->Type, type.TypeObject);

    /// <summary>Raises <paramref name="type"/> with one str argument; returns null.</summary>
    public PyRef Raise(ExceptionType type, string message)
    {
        var text = NewString(message);
        if (text.IsNull)
        {
            return PyRef.Null;
        }

        var result = RaiseWithArgument(type, text);
        text.DecRef();
        return result;
    }

    /// <summary>Raises <paramref name="type"/> with one object argument (borrowed), e.g. KeyError(key); returns null.</summary>
    public PyRef RaiseWithArgument(ExceptionType type, PyRef argument)
    {
        var args = NewTuple(argument);
        if (args.IsNull)
        {
            return PyRef.Null;
        }

        var exception = type.Instantiate(args);
        args.DecRef();
        if (exception.IsNull)
        {
            return PyRef.Null;
        }

        return RestoreError(exception);
    }

    /// <summary>Raises TypeError.</summary>
    public PyRef RaiseTypeError(string message) => Raise(Types.Exceptions.TypeError, message);

    /// <summary>Raises ValueError.</summary>
    public PyRef RaiseValueError(string message) => Raise(Types.Exceptions.ValueError, message);

    /// <summary>Raises IndexError.</summary>
    public PyRef RaiseIndexError(string message) => Raise(Types.Exceptions.IndexError, message);

    /// <summary>Raises OverflowError.</summary>
    public PyRef RaiseOverflowError(string message) => Raise(Types.Exceptions.OverflowError, message);

    /// <summary>Raises ZeroDivisionError.</summary>
    public PyRef RaiseZeroDivision(string message) => Raise(Types.Exceptions.ZeroDivisionError, message);

    /// <summary>Raises KeyError(key).</summary>
    public PyRef RaiseKeyError(PyRef key) => RaiseWithArgument(Types.Exceptions.KeyError, key);

    /// <summary>Raises AttributeError with CPython's wording for a missing attribute of an instance.</summary>
    public PyRef RaiseNoAttribute(PyObject* o, PyObject* name) =>
        Raise(Types.Exceptions.AttributeError, $"'{o->Type->Descriptor.Name}' object has no attribute '{StrType.AsString(name)}'");

    /// <summary>
    /// Sets MemoryError. Uses a preallocated instance, as CPython does, so that reporting
    /// exhaustion never needs memory.
    /// </summary>
    public void SetNoMemory()
    {
        var e = Types.Exceptions.PreallocatedMemoryError;
        IncRef(e);
        SetRef(ref _error, e);
    }

    /// <summary>
    /// Takes the pending error out of the indicator: its type name, its message as
    /// <c>str(e)</c> gives it, and the exception instance (a new reference; a SystemError is
    /// made when no error was set).
    /// </summary>
    public (string TypeName, string Message, PyRef Exception) TakeError()
    {
        var e = FetchError();
        if (e.IsNull)
        {
            Raise(Types.Exceptions.SystemError, "error return without exception set");
            e = FetchError();
        }

        return (e.Descriptor.Name, ExceptionType.MessageOf(this, e.Ptr), e);
    }

    /// <summary>The pending error as a <see cref="PythonException"/> without the instance (for callers with no handle scope).</summary>
    public PythonException TakeErrorAsException()
    {
        var (typeName, message, exception) = TakeError();
        exception.DecRef();
        return new PythonException(typeName, message);
    }
}
