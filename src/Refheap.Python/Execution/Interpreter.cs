using Refheap.Objects;
using Refheap.Python.Builtins;
using Refheap.Python.Compiler;

namespace Refheap.Python.Execution;

/// <summary>
/// Runs compiled Python on one runtime: the value-stack machine (<see cref="Interpreter"/>'s
/// Run partial), calls and argument binding, the handled-exception state, imports, classes
/// and the print statement. One interpreter per program run; it holds the builtins dict,
/// <c>sys.modules</c> and the innermost executing frame.
/// </summary>
/// <remarks>
/// Every object the interpreter touches is a heap object reached through <see cref="PyRef"/>
/// and the <see cref="ObjectApi"/> facade, with CPython's ownership rules: a frame's slots
/// and value stack hold owned references, so what the collector sees is what CPython's sees.
/// Python-to-Python calls recurse in C# (one <c>Run</c> per frame); the program runs on a
/// thread with a large stack and the recursion limit is checked per frame, so deep Python
/// recursion raises the profile's recursion error instead of overflowing the .NET stack.
/// </remarks>
internal sealed partial class Interpreter : IDisposable
{
    private readonly Refheap.Runtime _runtime;
    private readonly ObjectApi _api;
    private readonly Heap _heap;
    private PyRef _builtins;
    private PyRef _builtinsModule;
    private PyRef _modules;
    private PyRef _current;
    private PyRef _handled;
    private PyRef _handledTraceback;
    private bool _disposed;

    /// <summary>Creates an interpreter for <paramref name="runtime"/> writing to the given streams.</summary>
    public Interpreter(Refheap.Runtime runtime, TextWriter stdout, TextWriter stderr, string baseDirectory)
    {
        _runtime = runtime;
        _api = runtime.Api;
        _heap = _api.Heap;
        Dialect = PythonDialect.FromProfile(runtime.Profile);
        Stdout = stdout;
        Stderr = stderr;
        BaseDirectory = baseDirectory;
        _api.InstallEvaluator(InvokeFunction, ResumeGenerator, FrameNeedsFinalizing);
        _modules = Check(_api.Heap.NewDict());
        _builtinsModule = Check(BuiltinsModuleObject.Create(_api, Py27));
        _builtins = ObjectApi.ModuleDict(_builtinsModule).NewRef();
        InitializeBuiltins();
    }

    /// <summary>The language version run.</summary>
    public PythonDialect Dialect { get; }

    /// <summary>Whether 2.7 semantics apply.</summary>
    public bool Py27 => Dialect.PrintIsStatement;

    /// <summary>Where print and <c>sys.stdout</c> write.</summary>
    public TextWriter Stdout { get; }

    /// <summary>Where tracebacks and <c>sys.stderr</c> write.</summary>
    public TextWriter Stderr { get; }

    /// <summary>The program's directory: <c>import x</c> finds <c>x.py</c> here.</summary>
    public string BaseDirectory { get; }

    /// <summary>The runtime.</summary>
    public Refheap.Runtime Runtime => _runtime;

    /// <summary>The facade.</summary>
    public ObjectApi Api => _api;

    /// <summary>The builtins dict (the builtins module's), borrowed.</summary>
    public PyRef Builtins => _builtins;

    /// <summary>The <c>builtins</c> module (2.7: <c>__builtin__</c>), borrowed.</summary>
    public PyRef BuiltinsModule => _builtinsModule;

    /// <summary>The builtins module's name: <c>builtins</c>, 2.7's <c>__builtin__</c>.</summary>
    public string BuiltinsModuleName => BuiltinsModuleObject.Name(Py27);

    /// <summary><c>sys.modules</c>, borrowed.</summary>
    public PyRef Modules => _modules;

    /// <summary>The innermost executing frame, borrowed (null outside any).</summary>
    public PyRef CurrentFrame => _current;

    /// <summary>The exception being handled (<c>sys.exc_info()[1]</c>), borrowed, or null.</summary>
    public PyRef HandledException => _handled;

    /// <summary>Sets the exception being handled (steals; null clears), dropping the old one after the store.</summary>
    public void SetHandled(PyRef exception)
    {
        var old = _handled;
        _handled = exception;
        old.XDecRef();
    }

    /// <summary>Arguments that are new references must not be null: a failure there is a bug or exhausted memory at start.</summary>
    private PyRef Check(PyRef r) => r.IsNull ? throw _heap.TakeErrorAsException() : r;

    /// <summary>
    /// Raises <c>NotImplementedError: Refheap does not support X (file, line N)</c>, naming the
    /// line the running Python frame is at, as the parser names an unsupported construct's, then
    /// <paramref name="hint"/> after a colon if given; returns null.
    /// </summary>
    public PyRef RaiseUnsupported(string feature, string? hint = null) =>
        _api.Raise("NotImplementedError", $"Refheap does not support {feature}{WhereRunning()}{(hint == null ? "" : ": " + hint)}");

    /// <summary><c> (file, line N)</c> of the running Python frame, or nothing outside one.</summary>
    private string WhereRunning()
    {
        if (_current.IsNull)
        {
            return "";
        }

        var code = ObjectApi.FrameCode(_current);
        return $" ({ObjectApi.CodeFileName(code)}, line {ObjectApi.CodeLine(code, ObjectApi.FramePc(_current))})";
    }

    /// <summary>Drops every module and the interpreter's own references (the program teardown is ModuleTeardown).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        SetHandled(PyRef.Null);
        SetHandledTraceback(PyRef.Null);
        foreach (var held in _heldBuiltins)
        {
            held.XDecRef();
        }

        _heldBuiltins.Clear();
        var streams = (_sysStdout, _sysStderr);
        _sysStdout = _sysStderr = PyRef.Null;
        streams._sysStdout.XDecRef();
        streams._sysStderr.XDecRef();
        var modules = _modules;
        _modules = PyRef.Null;
        modules.XDecRef();
        var builtins = _builtins;
        _builtins = PyRef.Null;
        if (!builtins.IsNull)
        {
            _api.DictClear(builtins);
            builtins.DecRef();
        }

        var builtinsModule = _builtinsModule;
        _builtinsModule = PyRef.Null;
        builtinsModule.XDecRef();

        _api.InstallEvaluator(null, null, null);
    }
}
