using Refheap.Objects;
using Refheap.Python.Builtins;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules;

/// <summary>Fills a built-in module's dict: functions implemented in C#, constants, and the argument checks they share.</summary>
internal sealed class ModuleBuilder
{
    private readonly Interpreter _interpreter;
    private readonly string _name;

    /// <summary>Starts a module called <paramref name="name"/>.</summary>
    public ModuleBuilder(Interpreter interpreter, string name)
    {
        _interpreter = interpreter;
        _name = name.TrimStart('_');
        Module = interpreter.Api.NewModule(name);
        Failed = Module.IsNull;
    }

    /// <summary>The module (owned by the builder until <see cref="Finish"/>).</summary>
    public PyRef Module { get; private set; }

    /// <summary>Whether a step failed (the error is set).</summary>
    public bool Failed { get; private set; }

    private ObjectApi Api => _interpreter.Api;

    /// <summary>
    /// Adds a function <paramref name="name"/>(args tuple, kwargs dict or null) → new reference
    /// or null, called with or without an argument tuple as CPython calls it (<see cref="CallingConventions"/>).
    /// Its <c>__module__</c> is <paramref name="owner"/> when CPython's function comes from
    /// another module (weakref's from <c>_weakref</c>), else this module's (named on import).
    /// </summary>
    public ModuleBuilder Function(string name, Func<PyRef, PyRef, PyRef> body, string? owner = null)
    {
        var f = Api.NewNativeFunction(name, (_, args, kwargs) => body(args, kwargs), isMethod: false, CallingConventions.Of($"{_name}.{name}", _interpreter.Py27));
        if (!f.IsNull && owner != null)
        {
            Api.NameFunctionModule(f, owner);
        }

        return Value(name, f);
    }

    /// <summary>
    /// Adds a METH_NOARGS function: called with any argument it raises CPython's TypeError, naming
    /// itself as <see cref="MethodLabel"/> does.
    /// </summary>
    public ModuleBuilder NoArgs(string name, Func<PyRef> body, string? owner = null) =>
        Function(name, (args, kwargs) => Arguments.NoArgs(Api, MethodLabel(name, owner), args, kwargs) ? body() : PyRef.Null, owner);

    /// <summary>Adds a METH_O function (exactly one argument, no keywords), as <see cref="NoArgs"/>.</summary>
    public ModuleBuilder OneArg(string name, Func<PyRef, PyRef> body, string? owner = null) =>
        Function(name, (args, kwargs) => Arguments.OneArg(Api, MethodLabel(name, owner), args, kwargs) ? body(ObjectApi.TupleItem(args, 0)) : PyRef.Null, owner);

    /// <summary>
    /// The count check of a function of one number: 2.7 parses it from its tuple
    /// (PyArg_ParseTuple's "takes exactly 1 argument"), 3.x's is METH_O ("module.name() takes
    /// exactly one argument"). False with TypeError set.
    /// </summary>
    public bool OneNumberArgument(string name, PyRef args, PyRef kwargs) => _interpreter.Py27
        ? Arguments.Parsed(Api, name, args, kwargs, 1, 1)
        : Arguments.OneArg(Api, MethodLabel(name), args, kwargs);

    /// <summary>
    /// How a METH_NOARGS or METH_O function names itself in its argument errors: 2.7 by its name,
    /// 3.x by its module's too (<c>gc.enable</c>; <paramref name="owner"/> when CPython's module
    /// is another, as weakref's functions come from <c>_weakref</c>).
    /// </summary>
    public string MethodLabel(string name, string? owner = null) => _interpreter.Py27 ? name : $"{owner ?? _name}.{name}";

    /// <summary>Adds a value (stolen).</summary>
    public ModuleBuilder Value(string name, PyRef value)
    {
        if (Failed)
        {
            value.XDecRef();
            return this;
        }

        if (value.IsNull || Api.DictSetString(ObjectApi.ModuleDict(Module), name, value) < 0)
        {
            Failed = true;
        }

        value.XDecRef();
        return this;
    }

    /// <summary>The module (new reference), or null with the error set.</summary>
    public PyRef Finish()
    {
        var m = Module;
        Module = PyRef.Null;
        if (Failed)
        {
            m.XDecRef();
            return PyRef.Null;
        }

        return m;
    }
}
