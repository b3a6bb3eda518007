using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules;

/// <summary>
/// <c>sys</c>: argv, exit, getrefcount, exc_info (and 2.7's exc_clear), stdout/stderr, getsizeof,
/// version_info, the recursion limit, modules, maxsize and <c>_debugmallocstats</c>.
/// </summary>
internal static class SysModule
{
    /// <summary>Makes the module.</summary>
    public static PyRef Create(Interpreter interpreter)
    {
        var api = interpreter.Api;
        var py27 = interpreter.Py27;
        var b = new ModuleBuilder(interpreter, "sys");
        var argv = interpreter.Argv.Select(a => api.NewStr(a)).ToArray();
        b.Value("argv", argv.Any(a => a.IsNull) ? PyRef.Null : api.ListSteal(argv));
        b.Value("modules", interpreter.Modules.NewRef());
        b.Value("maxsize", api.NewInt(long.MaxValue));
        if (py27)
        {
            b.Value("maxint", api.NewInt(long.MaxValue));
        }

        var (major, minor, micro) = py27 ? (2, 7, 18) : (3, 12, 1);
        b.Value("version_info", api.TupleSteal([api.NewInt(major), api.NewInt(minor), api.NewInt(micro), api.Intern("final").NewRef(), api.NewInt(0)]));
        b.Value("version", api.NewStr(py27 ? "2.7.18 (Refheap)" : "3.12.1 (Refheap)"));
        b.Value("stdout", interpreter.SysStdout.NewRef());
        b.Value("stderr", interpreter.SysStderr.NewRef());
        b.Value("__stdout__", interpreter.SysStdout.NewRef());
        b.Value("__stderr__", interpreter.SysStderr.NewRef());
        b.Function("exit", (args, kwargs) =>
        {
            if (!Arguments.Check(api, "exit", args, kwargs, 0, 1))
            {
                return PyRef.Null;
            }

            var exitClass = api.ExceptionClass("SystemExit");
            return interpreter.RaiseInstance(exitClass, args);
        });
        b.Function("getrefcount", (args, kwargs) =>
        {
            if (!Arguments.Check(api, "getrefcount", args, kwargs, 1, 1))
            {
                return PyRef.Null;
            }

            // CPython counts the argument's reference on its stack (3.12) or in its argument
            // tuple (2.7): one, where this call holds two (the caller's stack and the tuple).
            return api.NewInt(ObjectApi.TupleItem(args, 0).RefCount - 1);
        });
        b.Function("exc_info", (args, kwargs) =>
        {
            if (!Arguments.Check(api, "exc_info", args, kwargs, 0, 0))
            {
                return PyRef.Null;
            }

            var e = interpreter.HandledException;
            if (e.IsNull)
            {
                var none = api.NoneObject;
                return api.Heap.NewTuple(none, none, none);
            }

            var tb = interpreter.HandledTraceback;
            return api.Heap.NewTuple(e.Type, e, tb.IsNull ? api.NoneObject : tb);
        });
        if (py27)
        {
            b.Function("exc_clear", (args, kwargs) =>
            {
                if (!Arguments.Check(api, "exc_clear", args, kwargs, 0, 0))
                {
                    return PyRef.Null;
                }

                interpreter.SetHandled(PyRef.Null);
                interpreter.SetHandledTraceback(PyRef.Null);
                return api.NoneObject.NewRef();
            });
        }

        b.Function("getsizeof", (args, kwargs) =>
        {
            if (!Arguments.Check(api, "getsizeof", args, kwargs, 1, 2))
            {
                return PyRef.Null;
            }

            // 2.7 reads __sizeof__ as a bound built-in method (3.12 does too, but keeps no free list of them).
            return api.ModelBoundMethod() ? api.NewInt(api.SizeOfObject(ObjectApi.TupleItem(args, 0))) : PyRef.Null;
        });
        b.Function("getrecursionlimit", (args, kwargs) =>
            Arguments.Check(api, "getrecursionlimit", args, kwargs, 0, 0) ? api.NewInt(api.Heap.RecursionLimit) : PyRef.Null);
        b.Function("setrecursionlimit", (args, kwargs) =>
        {
            if (!Arguments.Check(api, "setrecursionlimit", args, kwargs, 1, 1) || !Arguments.Int(api, args, 0, out var limit))
            {
                return PyRef.Null;
            }

            if (limit < 1)
            {
                return api.Raise("ValueError", py27 ? "recursion limit must be positive" : "recursion limit must be greater or equal than 1");
            }

            api.Heap.RecursionLimit = (int)Math.Min(limit, int.MaxValue);
            return api.NoneObject.NewRef();
        });
        b.Function("_debugmallocstats", (args, kwargs) =>
        {
            if (!Arguments.Check(api, "_debugmallocstats", args, kwargs, 0, 0))
            {
                return PyRef.Null;
            }

            DebugMallocStats.Write(interpreter.Runtime, interpreter.Stderr);
            return api.NoneObject.NewRef();
        });
        return b.Finish();
    }
}
