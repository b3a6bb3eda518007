using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    // The error indicator: the exception being raised, owned, or null (CPython 3.12 keeps
    // the instance alone; its type and traceback are reachable from it).
    private PyObject* _error;

    // An error set but not yet made into an instance (2.7's unnormalized (type, str) pair, and
    // 3.12's missing attribute during a lookup that suppresses it): its type and message, made
    // into the instance Raise would have made when someone looks at it. Null when none.
    private ExceptionType? _deferredType;
    private string? _deferredMessage;

    // The traceback a deferred error gathered on its way through Python frames (owned, or
    // null): 2.7's PyTraceBack_Here records it without making the instance.
    private PyObject* _deferredTraceback;

    // The object and attribute name of the attribute lookup in progress that swallows a
    // missing attribute (3.12's _PyObject_LookupAttr): its "has no attribute" error is deferred.
    private PyObject* _suppressedLookupObject;
    private PyObject* _suppressedLookupName;

    /// <summary>Whether an exception is set (PyErr_Occurred).</summary>
    public bool ErrorOccurred => _error != null || _deferredType != null;

    /// <summary>The exception being raised, borrowed, or null.</summary>
    public PyRef CurrentError
    {
        get
        {
            NormalizeError();
            return new(_error);
        }
    }

    /// <summary>Sets the error indicator to an exception instance; steals the reference. Returns null for convenience.</summary>
    public PyRef RestoreError(PyRef exception)
    {
        DropDeferredError();
        SetRef(ref _error, exception.Ptr);
        return PyRef.Null;
    }

    /// <summary>Takes the exception out of the error indicator (PyErr_GetRaisedException): a new reference, or null.</summary>
    public PyRef FetchError()
    {
        NormalizeError();
        var e = _error;
        _error = null;
        return new PyRef(e);
    }

    /// <summary>Clears the error indicator.</summary>
    public void ClearError()
    {
        DropDeferredError();
        ClearRef(ref _error);
    }

    /// <summary>Whether the pending error is still only its type and message (its instance not made yet).</summary>
    public bool ErrorDeferred => _deferredType != null;

    /// <summary>The traceback of the pending deferred error, borrowed, or null.</summary>
    public PyRef DeferredErrorTraceback => new(_deferredTraceback);

    /// <summary>Replaces the traceback of the pending deferred error (<paramref name="traceback"/> borrowed).</summary>
    public void SetDeferredErrorTraceback(PyRef traceback)
    {
        XIncRef(traceback.Ptr);
        SetRef(ref _deferredTraceback, traceback.Ptr);
    }

    /// <summary>Whether the pending exception is an instance of <paramref name="type"/> or a subclass.</summary>
    public bool ErrorMatches(TypeDescriptor type) => _deferredType != null
        ? IsSubtype(_deferredType.TypeObject, type.TypeObject)
        : _error != null && IsSubtype(_error->Type, type.TypeObject);

    /// <summary>
    /// Raises <paramref name="type"/> with one str argument; returns null. 2.7 keeps the type
    /// and message until the exception is looked at (<see cref="Profile.ErrorsSetUnnormalized"/>).
    /// </summary>
    public PyRef Raise(ExceptionType type, string message)
    {
        if (Profile.ErrorsSetUnnormalized)
        {
            return DeferError(type, message);
        }

        return RaiseNow(type, message);
    }

    /// <summary>
    /// Raises the AttributeError of an attribute <paramref name="o"/> does not have, worded by
    /// the caller; returns null. Its instance is made only when the error is looked at, when
    /// 2.7 keeps errors unnormalized or when this is the lookup a 3.12 attribute probe
    /// (<see cref="LookupAttr"/>) suppresses; otherwise at once.
    /// </summary>
    public PyRef RaiseMissingAttribute(PyObject* o, PyObject* name, string message)
    {
        var type = Types.Exceptions.AttributeError;
        if (o == _suppressedLookupObject && (name == _suppressedLookupName || StrType.AsSpan(name).SequenceEqual(StrType.AsSpan(_suppressedLookupName))))
        {
            return DeferError(type, message);
        }

        return Raise(type, message);
    }

    /// <summary>
    /// <c>getattr(o, name)</c> that leaves no error for a missing attribute (_PyObject_LookupAttr):
    /// 1 with <paramref name="result"/> the value (new reference), 0 when missing, -1 on
    /// another error (set). A missing attribute of the object itself makes no exception object.
    /// </summary>
    public int LookupAttr(PyObject* o, PyObject* name, out PyRef result)
    {
        var outer = BeginSuppressedLookup(o, name);
        try
        {
            result = GetAttr(o, name);
        }
        finally
        {
            EndSuppressedLookup(outer);
        }

        if (!result.IsNull)
        {
            return 1;
        }

        if (!ErrorMatches(Types.Exceptions.AttributeError))
        {
            return -1;
        }

        ClearError();
        return 0;
    }

    /// <summary>
    /// Starts a lookup of <paramref name="name"/> on <paramref name="o"/> whose missing
    /// attribute the caller swallows (a class's <c>__getattr__</c> hook, a bound method's
    /// lookup on its own class before it asks its function): until <see cref="EndSuppressedLookup"/>, that miss makes no
    /// exception object unless looked at. Returns the lookup it nests in, to give back.
    /// </summary>
    public (nint Object, nint Name) BeginSuppressedLookup(PyObject* o, PyObject* name)
    {
        var outer = ((nint)_suppressedLookupObject, (nint)_suppressedLookupName);
        _suppressedLookupObject = o;
        _suppressedLookupName = name;
        return outer;
    }

    /// <summary>Ends the lookup <see cref="BeginSuppressedLookup"/> started, back to <paramref name="outer"/>.</summary>
    public void EndSuppressedLookup((nint Object, nint Name) outer)
    {
        _suppressedLookupObject = (PyObject*)outer.Object;
        _suppressedLookupName = (PyObject*)outer.Name;
    }

    /// <summary>
    /// Takes the error indicator out as it is (PyErr_Fetch), without making a deferred error's
    /// instance; <see cref="ResumeError"/> puts it back. For code that runs with the error set
    /// aside and must not change what it allocates.
    /// </summary>
    public (nint Exception, ExceptionType? Type, string? Message, nint Traceback) SuspendError()
    {
        var state = ((nint)_error, _deferredType, _deferredMessage, (nint)_deferredTraceback);
        _error = null;
        _deferredTraceback = null;
        DropDeferredError();
        return state;
    }

    /// <summary>Whether the error set is exactly a <paramref name="type"/> whose str is <paramref name="message"/>.</summary>
    public bool PendingErrorIs(ExceptionType type, string message) =>
        _error == null
            ? _deferredType == type && _deferredMessage == message
            : _error->Type == type.TypeObject && ExceptionType.MessageOf(this, _error) == message;

    /// <summary>Puts back (PyErr_Restore) what <see cref="SuspendError"/> took, dropping any error set since.</summary>
    public void ResumeError((nint Exception, ExceptionType? Type, string? Message, nint Traceback) state)
    {
        ClearError();
        _error = (PyObject*)state.Exception;
        _deferredType = state.Type;
        _deferredMessage = state.Message;
        _deferredTraceback = (PyObject*)state.Traceback;
    }

    private PyRef DeferError(ExceptionType type, string message)
    {
        ClearRef(ref _error);
        DropDeferredError();
        _deferredType = type;
        _deferredMessage = message;
        return PyRef.Null;
    }

    private void DropDeferredError()
    {
        _deferredType = null;
        _deferredMessage = null;
        ClearRef(ref _deferredTraceback);
    }

    // PyErr_NormalizeException: the deferred error becomes the instance Raise makes at once.
    private void NormalizeError()
    {
        if (_deferredType == null)
        {
            return;
        }

        var type = _deferredType;
        var message = _deferredMessage!;
        var traceback = _deferredTraceback;
        _deferredTraceback = null;
        DropDeferredError();
        RaiseNow(type, message);
        if (_error != null && _error != Types.Exceptions.PreallocatedMemoryError)
        {
            // The instance takes over the traceback gathered so far.
            SetRef(ref ((PyBaseExceptionObject*)_error)->Traceback, traceback);
        }
        else
        {
            XDecRef(traceback);
        }
    }

    private PyRef RaiseNow(ExceptionType type, string message)
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
        Raise(Types.Exceptions.AttributeError, NoAttributeMessage(o, name));

    /// <summary>
    /// Raises the AttributeError of generic attribute lookup (PyObject_GenericGetAttr) finding
    /// nothing, deferred as <see cref="RaiseMissingAttribute"/> says.
    /// </summary>
    public PyRef RaiseMissingInstanceAttribute(PyObject* o, PyObject* name) =>
        RaiseMissingAttribute(o, name, NoAttributeMessage(o, name));

    /// <summary>
    /// tp_name, as CPython's messages name a type: a class's own name (<c>weakref.finalize</c> and the
    /// weak containers are Python classes there: "finalize", "WeakValueDictionary"), a built-in's full name (2.7's
    /// <c>exceptions.KeyError</c>, 3.x's
    /// <c>weakref.ReferenceType</c>, <c>functools.partial</c>).
    /// </summary>
    internal static string TypeNameOf(PyObject* o) => o->Type->Descriptor switch
    {
        Native.Instance.InstanceType or Weak.FinalizeType or Weak.WeakContainerType => o->Type->Descriptor.Name,
        Native.Exceptions.ExceptionType e when e.Heap.Profile.Wording == ErrorWording.Cpython27 => "exceptions." + e.Name,
        var d => d.QualifiedName,
    };

    private static string NoAttributeMessage(PyObject* o, PyObject* name) =>
        $"'{TypeNameOf(o)}' object has no attribute '{StrType.AsString(name)}'";

    /// <summary>
    /// Sets MemoryError. Uses a preallocated instance, as CPython does, so that reporting
    /// exhaustion never needs memory.
    /// </summary>
    public void SetNoMemory()
    {
        var e = Types.Exceptions.PreallocatedMemoryError;
        DropDeferredError();
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
