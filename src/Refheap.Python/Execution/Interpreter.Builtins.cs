using Refheap.Objects;
using Refheap.Objects.Native.Function;
using Refheap.Python.Builtins;
using Refheap.Python.Compiler;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    /// <summary>The builtins module's own vars and dir, which the frame-aware versions call with an argument (owned).</summary>
    private readonly List<PyRef> _heldBuiltins = [];

    /// <summary>The program's <c>sys.argv</c>.</summary>
    public IReadOnlyList<string> Argv { get; set; } = [];

    /// <summary>The object <c>sys.stdout</c> is, borrowed.</summary>
    public PyRef SysStdout => _sysStdout;

    /// <summary>The object <c>sys.stderr</c> is, borrowed.</summary>
    public PyRef SysStderr => _sysStderr;

    /// <summary>Raises an instance of <paramref name="exceptionClass"/> made with <paramref name="args"/> (a tuple); returns null.</summary>
    public PyRef RaiseInstance(PyRef exceptionClass, PyRef args)
    {
        var e = CallTuple(exceptionClass, args, PyRef.Null);
        return e.IsNull ? e : _heap.RestoreError(e);
    }

    /// <summary>
    /// Fills the builtins dict: the builtins module's functions and types, then what needs the
    /// interpreter's frames (globals, locals, vars, super, __import__), and the constructs
    /// Refheap does not run (exec, eval, compile, input, open) as NotImplementedError; each
    /// function's <c>__module__</c> is the builtins module.
    /// </summary>
    private void InitializeBuiltins()
    {
        _sysStdout = Check(MakeStream("stdout", Stdout));
        _sysStderr = Check(MakeStream("stderr", Stderr));
        var host = new BuiltinsHost(Dialect, Stdout, Stderr) { SysStdout = () => RedirectedStream("stdout") };
        if (!BuiltinFunctions.Populate(_api, _builtins, host))
        {
            throw _heap.TakeErrorAsException();
        }

        var varsWithArgument = _api.DictGetString(_builtins, "vars").NewRef();
        AddBuiltin("vars", (args, kwargs) => ObjectApi.TupleSize(args) == 0 || varsWithArgument.IsNull
            ? CurrentLocals()
            : CallTuple(varsWithArgument, args, kwargs));
        _heldBuiltins.Add(varsWithArgument);
        var dirWithArgument = _api.DictGetString(_builtins, "dir").NewRef();
        AddBuiltin("dir", (args, kwargs) =>
        {
            if (ObjectApi.TupleSize(args) != 0 && !dirWithArgument.IsNull)
            {
                return CallTuple(dirWithArgument, args, kwargs);
            }

            var locals = CurrentLocals();
            if (locals.IsNull)
            {
                return locals;
            }

            var names = _api.ListFromIterable(locals);
            locals.DecRef();
            if (names.IsNull)
            {
                return names;
            }

            var sort = _api.GetAttr(names, _api.Intern("sort"));
            var sorted = sort.IsNull ? PyRef.Null : CallValue(sort, [], default);
            sort.XDecRef();
            if (sorted.IsNull)
            {
                names.DecRef();
                return sorted;
            }

            sorted.DecRef();
            return names;
        });
        _heldBuiltins.Add(dirWithArgument);
        foreach (var name in new[] { "classmethod", "staticmethod", "property" })
        {
            if (_api.DictSetString(_builtins, name, _api.EvalTypeObject(name)) < 0)
            {
                throw _heap.TakeErrorAsException();
            }
        }

        AddBuiltin("super", Super);
        if (!Py27)
        {
            AddBuiltin("__build_class__", (args, kwargs) =>
            {
                var n = ObjectApi.TupleSize(args);
                if (n < 2 || !_api.IsPythonFunction(ObjectApi.TupleItem(args, 0)) || !_api.IsStr(ObjectApi.TupleItem(args, 1)))
                {
                    return _api.Raise("TypeError", "__build_class__: func and name are required");
                }

                if (!kwargs.IsNull && _api.DictCount(kwargs) > 0)
                {
                    return RaiseUnsupported("class keywords (metaclass=...)");
                }

                var bases = new PyRef[n - 2];
                for (var i = 2; i < n; i++)
                {
                    bases[i - 2] = ObjectApi.TupleItem(args, i);
                }

                var basesTuple = _api.Heap.NewTuple(bases);
                if (basesTuple.IsNull)
                {
                    return basesTuple;
                }

                var body = ObjectApi.TupleItem(args, 0);
                var cls = BuildClass(body, ObjectApi.TupleItem(args, 1), basesTuple, ObjectApi.FunctionGlobals(body), PyRef.Null);
                basesTuple.DecRef();
                return cls;
            });
        }

        AddBuiltin("globals", (args, kwargs) => _current.IsNull ? _api.Raise("SystemError", "no frame") : ObjectApi.FrameGlobals(_current).NewRef());
        AddBuiltin("locals", (args, kwargs) => CurrentLocals());
        AddBuiltin("__import__", (args, kwargs) =>
        {
            var name = ObjectApi.TupleSize(args) > 0 ? ObjectApi.TupleItem(args, 0) : PyRef.Null;
            return name.IsNull || !_api.IsStr(name) ? _api.Raise("TypeError", "__import__() argument 1 must be str") : Import(ObjectApi.StrText(name), PyRef.Null);
        });
        foreach (var name in new[] { "exec", "eval", "compile", "input", "open", "execfile", "raw_input", "reload" })
        {
            var feature = name;
            AddBuiltin(name, (args, kwargs) => RaiseUnsupported($"{feature}()"));
        }

        AddBuiltinIfMissing("object", _api.Heap.TypeObjectOf(_api.Heap.Types.Object));
        foreach (var e in _api.Heap.Types.Exceptions.All)
        {
            AddBuiltinIfMissing(e.Name, _api.Heap.TypeObjectOf(e));
        }

        // Every function here is the builtins module's: its __module__ names it.
        _api.NameModuleFunctions(_builtins, BuiltinsModuleName);
    }

    /// <summary><c>super(C, obj)</c>, or 3.x's <c>super()</c>: the class from the caller's <c>__class__</c> cell, the object from its first argument.</summary>
    private PyRef Super(PyRef args, PyRef kwargs)
    {
        var superType = _api.EvalTypeObject("super");
        if (ObjectApi.TupleSize(args) != 0 || Py27)
        {
            return CallTuple(superType, args, kwargs);
        }

        if (_current.IsNull)
        {
            return _api.Raise("RuntimeError", "super(): no current frame");
        }

        var unit = (Compiler.CodeUnit)_api.CodePayload(ObjectApi.FrameCode(_current));
        var slots = ObjectApi.FrameSlots(_current);
        if (unit.ArgCount == 0 || unit.Kind != Compiler.ScopeKind.Function)
        {
            return _api.Raise("RuntimeError", "super(): no arguments");
        }

        var first = slots[0];
        var cellOfFirst = Array.IndexOf(unit.CellParameter, 0);
        if (cellOfFirst >= 0)
        {
            first = ObjectApi.CellGet(slots[unit.LocalNames.Length + cellOfFirst]);
        }

        var classIndex = Array.IndexOf(unit.FreeNames, "__class__");
        if (classIndex < 0)
        {
            return _api.Raise("RuntimeError", "super(): __class__ cell not found");
        }

        var cls = ObjectApi.CellGet(slots[unit.LocalNames.Length + unit.CellNames.Length + classIndex]);
        if (cls.IsNull)
        {
            return _api.Raise("RuntimeError", "super(): empty __class__ cell");
        }

        if (first.IsNull)
        {
            return _api.Raise("RuntimeError", "super(): arg[0] deleted");
        }

        return CallValue(superType, [cls, first], default);
    }

    /// <summary>What <c>sys.<paramref name="name"/></c> names now when a program replaced it (borrowed); null while it is the program's own stream.</summary>
    public PyRef RedirectedStream(string name)
    {
        var sys = _modules.IsNull ? PyRef.Null : _api.DictGetString(_modules, "sys");
        var stream = sys.IsNull || !_api.IsModule(sys) ? PyRef.Null : _api.DictGetString(ObjectApi.ModuleDict(sys), name);
        return stream.IsNull || stream == _sysStdout || stream == _sysStderr ? PyRef.Null : stream;
    }

    // locals(), vars() and dir(): the current frame's f_locals (in 3.12 module and class code
    // with a running inlined comprehension's variables, FrameType.Locals).
    private PyRef CurrentLocals() =>
        _current.IsNull ? _api.Raise("SystemError", "no frame") : _api.LocalsOfFrame(_current);

    private void AddBuiltin(string name, Func<PyRef, PyRef, PyRef> body)
    {
        var f = Check(_api.NewNativeFunction(name, (_, args, kwargs) => body(args, kwargs), isMethod: false, CallingConventions.Of(name, Py27)));
        var status = _api.DictSetString(_builtins, name, f);
        f.DecRef();
        if (status < 0)
        {
            throw _heap.TakeErrorAsException();
        }
    }

    private void AddBuiltinIfMissing(string name, PyRef value)
    {
        if (_api.DictGetString(_builtins, name).IsNull && _api.DictSetString(_builtins, name, value) < 0)
        {
            throw _heap.TakeErrorAsException();
        }
    }

    /// <summary>
    /// An instance of a small file class whose <c>write</c> and <c>flush</c> go to
    /// <paramref name="writer"/>, called as CPython calls them: 2.7's file.write is METH_VARARGS,
    /// 3.12's TextIOWrapper.write METH_O; flush is METH_NOARGS.
    /// </summary>
    private PyRef MakeStream(string name, TextWriter writer)
    {
        var cls = _api.NewNativeClass(Py27 ? "file" : "TextIOWrapper", Py27 ? "__builtin__" : "_io",
        [
            ("write", (self, args, kwargs) =>
            {
                if (ObjectApi.TupleSize(args) != 1 || !_api.IsStr(ObjectApi.TupleItem(args, 0)))
                {
                    return _api.Raise("TypeError", Py27 ? "write() argument 1 must be string or read-only character buffer" : "write() argument must be str");
                }

                var text = ObjectApi.StrText(ObjectApi.TupleItem(args, 0));
                writer.Write(text);
                if (writer == Stdout)
                {
                    ResetSoftSpace();
                }

                return Py27 ? _api.NoneObject.NewRef() : _api.NewInt(text.Length);
            }, Py27 ? NativeCallKind.Tuple : NativeCallKind.Vector),
            ("flush", (self, args, kwargs) =>
            {
                writer.Flush();
                return _api.NoneObject.NewRef();
            }, NativeCallKind.Vector),
        ]);
        if (cls.IsNull)
        {
            return cls;
        }

        var instance = _api.CallObject(cls, _api.EmptyTuple, PyRef.Null);
        cls.DecRef();
        if (!instance.IsNull)
        {
            var n = _api.NewStr($"<{name}>");
            if (!n.IsNull)
            {
                _api.SetAttr(instance, _api.Intern("name"), n);
                n.DecRef();
            }
        }

        return instance;
    }
}
