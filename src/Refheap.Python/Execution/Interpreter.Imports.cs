using Refheap.Objects;
using Refheap.Python.Compiler;
using Refheap.Python.Modules;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    private readonly List<PyRef> _extensionCopies = [];

    private readonly List<string> _importOrder = [];
    private readonly Dictionary<string, string[]> _sources = [];

    /// <summary>The source lines of a file the interpreter compiled (for tracebacks), or null.</summary>
    public string[]? SourceLines(string fileName) => _sources.GetValueOrDefault(fileName);

    /// <summary>Module names in the order they were imported (teardown goes the other way).</summary>
    public IReadOnlyList<string> ImportOrder => _importOrder;

    /// <summary>Compiles <paramref name="source"/> and remembers its lines for tracebacks; throws the syntax and unsupported errors.</summary>
    public CodeUnit CompileSource(string source, string fileName, TextWriter warnings)
    {
        _sources[fileName] = source.Split('\n');
        var (unit, parse) = Compilation.Compile(source, fileName, Dialect);
        foreach (var w in parse.Warnings)
        {
            warnings.Write(w.FormatForDisplay());
        }

        return unit;
    }

    /// <summary>Registers a module in <c>sys.modules</c>; 0 or -1.</summary>
    public int AddModule(string name, PyRef module)
    {
        if (_api.DictSetString(_modules, name, module) < 0)
        {
            return -1;
        }

        _importOrder.Remove(name);
        _importOrder.Add(name);
        return 0;
    }

    /// <summary>
    /// Runs a module's code with its dict as globals and locals; null with the error set on
    /// failure. <paramref name="parserConstants"/>: see <see cref="CodeObjects.Create(ObjectApi, CodeUnit, PyRef)"/>.
    /// </summary>
    public PyRef RunModuleCode(CodeUnit unit, PyRef moduleDict, PyRef parserConstants = default)
    {
        var code = CodeObjects.Create(_api, unit, parserConstants);
        if (code.IsNull)
        {
            return code;
        }

        var frame = _api.NewFrame(code, moduleDict, _builtins, moduleDict, _current, unit.SlotCount);
        code.DecRef();
        if (frame.IsNull)
        {
            return frame;
        }

        // 3.12's MAKE_CELL at the start of module code whose inlined comprehension's variable a lambda captures.
        if (!MakeCells(PyRef.Null, unit, ObjectApi.FrameSlots(frame)))
        {
            frame.DecRef();
            return PyRef.Null;
        }

        var r = Execute(frame, PyRef.Null, false);
        frame.DecRef();
        return r;
    }

    /// <summary>
    /// 2.7's _PyImport_FixupExtension: the first import of a C extension module (of Refheap's
    /// built-in modules, <c>gc</c> and <c>time</c>) keeps a copy of its dict for later
    /// reloads, a live dict that refers to the module's functions (<c>gc.get_referrers</c>
    /// shows it) and took a dict from the free list. 3.12's importlib gives the first import of
    /// <c>gc</c> (the one module of Refheap's not already imported at start) a ModuleSpec whose
    /// <c>_uninitialized_submodules</c> list took a list from the free list (Refheap keeps the
    /// list alone). Held until <see cref="ModuleTeardown"/>. 0, or -1 with the error set.
    /// </summary>
    private int KeepExtensionCopy(string name, PyRef module)
    {
        if (!Py27)
        {
            return name == "gc" ? KeepImportState(_api.NewList([])) : 0;
        }

        return name is "gc" or "time" ? KeepImportState(_api.DictCopy(ObjectApi.ModuleDict(module))) : 0;
    }

    private int KeepImportState(PyRef copy)
    {
        if (copy.IsNull)
        {
            return -1;
        }

        _extensionCopies.Add(copy);
        return 0;
    }

    /// <summary><c>import name</c>: a module from <c>sys.modules</c>, a built-in module, or <c>name.py</c> beside the program; new reference.</summary>
    private PyRef Import(string name, PyRef fromList)
    {
        var existing = _api.DictGetString(_modules, name);
        if (!existing.IsNull)
        {
            return existing.NewRef();
        }

        var builtin = BuiltinModules.Create(this, name);
        if (!builtin.IsNull || _heap.ErrorOccurred)
        {
            if (!builtin.IsNull && InitializeBuiltinModule(builtin, name) < 0)
            {
                builtin.DecRef();
                return PyRef.Null;
            }

            if (!builtin.IsNull && (AddModule(name, builtin) < 0 || KeepExtensionCopy(name, builtin) < 0))
            {
                builtin.DecRef();
                return PyRef.Null;
            }

            return builtin;
        }

        var path = Path.Combine(BaseDirectory, name + ".py");
        if (!File.Exists(path))
        {
            return StandardLibraryModules.Contains(name.Split('.')[0], Py27)
                ? RaiseUnsupported($"the standard library module '{name}'", $"its Python has gc, sys, weakref, functools, time, objgraph, guppy{(Py27 ? "" : ", tracemalloc")} and .py files beside the program")
                : _api.Raise(Py27 ? "ImportError" : "ModuleNotFoundError", Py27 ? $"No module named {name}" : $"No module named '{name}'");
        }

        var fileName = path;
        CodeUnit unit;
        try
        {
            unit = CompileSource(PythonSource.Decode(File.ReadAllBytes(path)), fileName, Stderr);
        }
        catch (PythonSyntaxError e)
        {
            return _api.Raise(e.ErrorType, $"{e.Message} ({Path.GetFileName(fileName)}, line {e.Line})");
        }
        catch (PythonUnsupportedError e)
        {
            return _api.Raise("NotImplementedError", e.Message);
        }

        var module = _api.NewModule(name);
        if (module.IsNull)
        {
            return module;
        }

        var dict = ObjectApi.ModuleDict(module);
        if (InitializeSourceModule(dict, name, fileName) < 0 || AddModule(name, module) < 0)
        {
            module.DecRef();
            return PyRef.Null;
        }

        var r = RunModuleCode(unit, dict);
        if (r.IsNull)
        {
            var saved = _heap.FetchError();
            _api.DictDelete(_modules, _api.Intern(name));
            _heap.ClearError();
            _importOrder.Remove(name);
            _heap.RestoreError(saved);
            module.DecRef();
            return PyRef.Null;
        }

        r.DecRef();
        return module;
    }

    /// <summary>
    /// What importing a built-in module adds to it: its functions name it as their module, unless
    /// made to name another (weakref's name <c>_weakref</c>), and 3.12's import system sets its
    /// <c>__package__</c> to '' (2.7's stays None). 0, or -1 with the error set.
    /// </summary>
    private int InitializeBuiltinModule(PyRef module, string name)
    {
        var dict = ObjectApi.ModuleDict(module);
        _api.NameModuleFunctions(dict, name);
        return Py27 ? 0 : SetModuleValue(dict, "__package__", _api.NewStr(""));
    }

    /// <summary>
    /// Fills the dict of a module imported from <paramref name="fileName"/> as CPython's import
    /// leaves it before the module's code runs, in its order: 2.7's <c>__package__</c> (None for a
    /// top-level module), <c>__builtins__</c> (the builtins dict, not the module) and <c>__file__</c>;
    /// 3.12's <c>__package__</c> ('' for a top-level module), <c>__file__</c>, <c>__cached__</c>
    /// (where its bytecode would be cached, whether or not written) and <c>__builtins__</c>, which
    /// exec adds last. 3.12's <c>__loader__</c> and <c>__spec__</c> (a SourceFileLoader and a
    /// ModuleSpec) are objects Refheap does not have: they are left out. 0, or -1 with the error set.
    /// </summary>
    private int InitializeSourceModule(PyRef dict, string name, string fileName)
    {
        var package = Py27 ? _api.NoneObject.NewRef() : _api.NewStr("");
        if (SetModuleValue(dict, "__package__", package) < 0)
        {
            return -1;
        }

        if (Py27)
        {
            return _api.DictSetString(dict, "__builtins__", _builtins) < 0 ? -1 : SetModuleValue(dict, "__file__", _api.NewStr(fileName));
        }

        var cached = Path.Combine(Path.GetDirectoryName(fileName) ?? "", "__pycache__", $"{name}.cpython-312.pyc");
        return SetModuleValue(dict, "__file__", _api.NewStr(fileName)) < 0 || SetModuleValue(dict, "__cached__", _api.NewStr(cached)) < 0
            ? -1
            : _api.DictSetString(dict, "__builtins__", _builtins);
    }

    // dict[key] = value (stolen; null: the error is set); 0 or -1.
    private int SetModuleValue(PyRef dict, string key, PyRef value)
    {
        if (value.IsNull)
        {
            return -1;
        }

        var r = _api.DictSetString(dict, key, value);
        value.DecRef();
        return r;
    }

    /// <summary>
    /// The argument tuple 2.7's IMPORT_NAME packs to call <c>__import__</c> with (name, globals,
    /// locals or None, fromlist, and the level unless it is -1), all borrowed: a new reference to
    /// drop after the import, or null with MemoryError set. Refheap imports without calling
    /// <c>__import__</c>, but the tuple CPython makes moves <c>gc.get_count()</c> and the free lists.
    /// </summary>
    private PyRef Py27ImportArguments(PyRef name, PyRef globals, PyRef locals, PyRef fromList, PyRef level)
    {
        var localsOrNone = locals.IsNull ? _api.NoneObject : locals;
        return _api.TryAsLong(level, out var n) && n == -1
            ? _api.Heap.NewTuple(name, globals, localsOrNone, fromList)
            : _api.Heap.NewTuple(name, globals, localsOrNone, fromList, level);
    }

    private PyRef ImportFrom(PyRef module, PyRef name)
    {
        if (_api.LookupAttr(module, name, out var r) != 0)
        {
            return r;
        }

        var text = ObjectApi.StrText(name);
        if (Py27)
        {
            return _api.Raise("ImportError", $"cannot import name {text}");
        }

        var dict = _api.IsModule(module) ? ObjectApi.ModuleDict(module) : PyRef.Null;
        var moduleName = dict.IsNull ? PyRef.Null : _api.DictGetString(dict, "__name__");
        var file = dict.IsNull ? PyRef.Null : _api.DictGetString(dict, "__file__");
        var where = file.IsNull || !_api.IsStr(file) ? "unknown location" : ObjectApi.StrText(file);
        var modText = moduleName.IsNull || !_api.IsStr(moduleName) ? "?" : ObjectApi.StrText(moduleName);
        return _api.Raise("ImportError", $"cannot import name '{text}' from '{modText}' ({where})");
    }

    private int ImportStar(PyRef module, PyRef locals)
    {
        var dict = _api.IsModule(module) ? ObjectApi.ModuleDict(module) : PyRef.Null;
        if (dict.IsNull)
        {
            _api.Raise("TypeError", "import * needs a module");
            return -1;
        }

        foreach (var (key, value) in _api.DictItems(dict))
        {
            if (_api.IsStr(key) && !ObjectApi.StrText(key).StartsWith('_') && _api.DictSet(locals, key, value) < 0)
            {
                return -1;
            }
        }

        return 0;
    }
}
