namespace Refheap.Objects.Native.Exceptions;

/// <summary>The built-in exception hierarchy of a profile.</summary>
internal sealed unsafe class ExceptionTypes
{
    private readonly Dictionary<string, ExceptionType> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExceptionType> _aliases = new(StringComparer.Ordinal);
    private readonly Heap _heap;
    private PyObject* _preallocatedMemoryError;

    /// <summary>
    /// Builds the hierarchy: 2.7 puts StandardError between Exception and most built-ins, and
    /// has EnvironmentError above IOError and OSError; GeneratorExit derives from BaseException
    /// in both (as in CPython 2.6+).
    /// </summary>
    public ExceptionTypes(Heap heap, BuiltinTypes types)
    {
        _heap = heap;
        var py27 = heap.Profile.IntPromotesToLong;
        BaseException = Add("BaseException", null);
        Add("SystemExit", BaseException, ExceptionFieldKind.SystemExit);
        Add("KeyboardInterrupt", BaseException);
        GeneratorExit = Add("GeneratorExit", BaseException);
        var exception = Add("Exception", BaseException);
        var standard = py27 ? Add("StandardError", exception) : exception;
        StopIteration = Add("StopIteration", exception, py27 ? ExceptionFieldKind.None : ExceptionFieldKind.StopIteration);
        var arithmetic = Add("ArithmeticError", standard);
        OverflowError = Add("OverflowError", arithmetic);
        ZeroDivisionError = Add("ZeroDivisionError", arithmetic);
        Add("FloatingPointError", arithmetic);
        AssertionError = Add("AssertionError", standard);
        AttributeError = Add("AttributeError", standard);
        var lookup = Add("LookupError", standard);
        IndexError = Add("IndexError", lookup);
        KeyError = Add("KeyError", lookup);
        MemoryError = Add("MemoryError", standard);
        NameError = Add("NameError", standard);
        Add("UnboundLocalError", NameError);
        ReferenceError = Add("ReferenceError", standard);
        RuntimeError = Add("RuntimeError", standard);
        NotImplementedError = Add("NotImplementedError", RuntimeError);
        RecursionError = py27 ? RuntimeError : Add("RecursionError", RuntimeError);
        SystemError = Add("SystemError", standard);
        TypeError = Add("TypeError", standard);
        ValueError = Add("ValueError", standard);
        var unicode = Add("UnicodeError", ValueError);
        var import = Add("ImportError", standard);
        var syntax = Add("SyntaxError", standard);
        if (py27)
        {
            var environment = Add("EnvironmentError", standard, ExceptionFieldKind.Environment);
            Add("IOError", environment);
            Add("OSError", environment);
        }
        else
        {
            // PEP 3151: EnvironmentError and IOError are other names of OSError.
            var os = Add("OSError", exception, ExceptionFieldKind.Environment);
            OSError = os;
            AddOsErrors(os);
            _aliases.Add("EnvironmentError", os);
            _aliases.Add("IOError", os);
        }

        var warning = Add("Warning", exception);
        AddMore(standard, unicode, import, syntax, warning, py27);
        _ = types;
    }

    /// <summary>BaseException.</summary>
    public ExceptionType BaseException { get; }

    /// <summary>GeneratorExit.</summary>
    public ExceptionType GeneratorExit { get; }

    /// <summary>StopIteration.</summary>
    public ExceptionType StopIteration { get; }

    /// <summary>3.x's OSError (whose constructor picks a subclass by errno); null in 2.7.</summary>
    public ExceptionType? OSError { get; }

    /// <summary>OverflowError.</summary>
    public ExceptionType OverflowError { get; }

    /// <summary>ZeroDivisionError.</summary>
    public ExceptionType ZeroDivisionError { get; }

    /// <summary>AssertionError.</summary>
    public ExceptionType AssertionError { get; }

    /// <summary>AttributeError.</summary>
    public ExceptionType AttributeError { get; }

    /// <summary>IndexError.</summary>
    public ExceptionType IndexError { get; }

    /// <summary>KeyError.</summary>
    public ExceptionType KeyError { get; }

    /// <summary>MemoryError.</summary>
    public ExceptionType MemoryError { get; }

    /// <summary>NameError.</summary>
    public ExceptionType NameError { get; }

    /// <summary>ReferenceError.</summary>
    public ExceptionType ReferenceError { get; }

    /// <summary>RuntimeError.</summary>
    public ExceptionType RuntimeError { get; }

    /// <summary>NotImplementedError.</summary>
    public ExceptionType NotImplementedError { get; }

    /// <summary>The exception raised at the recursion limit: RuntimeError (2.7) or RecursionError (3.5+).</summary>
    public ExceptionType RecursionError { get; }

    /// <summary>SystemError.</summary>
    public ExceptionType SystemError { get; }

    /// <summary>TypeError.</summary>
    public ExceptionType TypeError { get; }

    /// <summary>ValueError.</summary>
    public ExceptionType ValueError { get; }

    /// <summary>Every exception class, bases before subclasses.</summary>
    public IEnumerable<ExceptionType> All => _byName.Values;

    /// <summary>The MemoryError instance raised when the heap cannot grow (made at start, so raising needs no memory).</summary>
    public PyObject* PreallocatedMemoryError
    {
        get
        {
            if (_preallocatedMemoryError == null)
            {
                var e = MemoryError.Instantiate(new PyRef(_heap.Types.Tuple.Empty));
                if (e.IsNull)
                {
                    throw new OutOfMemoryException("the heap limit is too small to hold a MemoryError");
                }

                // Invariant: the heap keeps this instance for its whole life.
                e.Ptr->RefCount = Heap.ImmortalRefCount;
                _heap.Gc.Untrack(e.Ptr);
                _preallocatedMemoryError = e.Ptr;
            }

            return _preallocatedMemoryError;
        }
    }

    /// <summary>The builtins names of every exception class, aliases included.</summary>
    public IEnumerable<string> Names => _byName.Keys.Concat(_aliases.Keys);

    /// <summary>Looks an exception class up by its builtins name (3.12: EnvironmentError and IOError are OSError), or null.</summary>
    public ExceptionType? Find(string name) => _byName.GetValueOrDefault(name) ?? _aliases.GetValueOrDefault(name);

    // The rest of the builtins' exceptions, which the runtime itself never raises.
    private void AddMore(ExceptionType standard, ExceptionType unicode, ExceptionType import, ExceptionType syntax, ExceptionType warning, bool py27)
    {
        Add("BufferError", standard);
        Add("EOFError", standard);
        Add("TabError", Add("IndentationError", syntax));
        Add("UnicodeDecodeError", unicode);
        Add("UnicodeEncodeError", unicode);
        Add("UnicodeTranslateError", unicode);
        foreach (var name in (string[])["UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning", "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning"])
        {
            Add(name, warning);
        }

        if (!py27)
        {
            Add("ResourceWarning", warning);
            Add("EncodingWarning", warning);
            Add("StopAsyncIteration", _byName["Exception"]);
            Add("ModuleNotFoundError", import);
        }
    }

    // PEP 3151's subclasses of OSError (3.3+).
    private void AddOsErrors(ExceptionType os)
    {
        var connection = Add("ConnectionError", os);
        foreach (var name in (string[])["BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError"])
        {
            Add(name, connection);
        }

        foreach (var name in (string[])["BlockingIOError", "ChildProcessError", "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError"])
        {
            Add(name, os);
        }
    }

    private ExceptionType Add(string name, ExceptionType? baseType, ExceptionFieldKind fields = ExceptionFieldKind.None)
    {
        var t = new ExceptionType(_heap, name, baseType, fields);
        _byName.Add(name, t);
        return t;
    }
}
