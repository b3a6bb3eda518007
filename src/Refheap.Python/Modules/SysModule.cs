using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules;

/// <summary>
/// <c>sys</c>: argv, exit, getrefcount, exc_info (and 2.7's exc_clear), stdout/stderr, getsizeof,
/// version_info, the recursion limit, modules, maxsize, intern (3.x; 2.7's is a built-in),
/// getallocatedblocks (3.x), platform and the other constants, and <c>_debugmallocstats</c>.
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
        PyRef[] versionValues = [api.NewInt(major), api.NewInt(minor), api.NewInt(micro), api.Intern("final").NewRef(), api.NewInt(0)];
        b.Value("version_info", api.NewVersionInfo(versionValues));
        PyRef[] floatValues =
        [
            api.NewFloat(double.MaxValue), api.NewInt(1024), api.NewInt(308), api.NewFloat(2.2250738585072014e-308), api.NewInt(-1021),
            api.NewInt(-307), api.NewInt(15), api.NewInt(53), api.NewFloat(double.BitIncrement(1.0) - 1.0), api.NewInt(2), api.NewInt(1),
        ];
        b.Value("float_info", api.NewFloatInfo(floatValues));
        // Refheap's ints have CPython's 30-bit digits (sys.getsizeof counts them so).
        PyRef[] intValues = py27 ? [api.NewInt(30), api.NewInt(4)] : [api.NewInt(30), api.NewInt(4), api.NewInt(4300), api.NewInt(640)];
        b.Value(py27 ? "long_info" : "int_info", api.NewIntInfo(intValues));
        foreach (var v in (PyRef[])[.. versionValues, .. floatValues, .. intValues])
        {
            v.XDecRef();
        }

        b.Value("float_repr_style", api.NewStr("short"));
        b.NoArgs("getdefaultencoding", () => api.NewStr(py27 ? "ascii" : "utf-8"));
        b.NoArgs("getfilesystemencoding", () => api.NewStr(py27 ? "UTF-8" : "utf-8"));

        b.Value("version", api.NewStr(py27 ? "2.7.18 (Refheap)" : "3.12.1 (Refheap)"));
        b.Value("hexversion", api.NewInt(py27 ? 0x020712F0 : 0x030C01F0));
        b.Value("platform", api.NewStr(OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : py27 ? "linux2" : "linux"));
        b.Value("byteorder", api.NewStr(BitConverter.IsLittleEndian ? "little" : "big"));
        b.Value("maxunicode", api.NewInt(0x10FFFF));
        b.Value("executable", api.NewStr(Environment.ProcessPath ?? ""));
        if (!py27)
        {
            b.Function("intern", (args, kwargs) => Intern(api, py27: false, args, kwargs));
            b.NoArgs("getallocatedblocks", () => api.NewInt(interpreter.Runtime.MemoryStats.SizeClasses.Sum(c => c.BlocksInUse)));
        }

        b.Value("stdout", interpreter.SysStdout.NewRef());
        b.Value("stderr", interpreter.SysStderr.NewRef());
        b.Value("__stdout__", interpreter.SysStdout.NewRef());
        b.Value("__stderr__", interpreter.SysStderr.NewRef());
        b.Function("exit", (args, kwargs) =>
        {
            if (!Arguments.Unpacked(api, py27, "exit", args, kwargs, 0, 1))
            {
                return PyRef.Null;
            }

            var exitClass = api.ExceptionClass("SystemExit");
            return interpreter.RaiseInstance(exitClass, args);
        });
        // CPython counts the argument's reference on its stack (3.12) or in its argument
        // tuple (2.7): one, where this call holds two (the caller's stack and the tuple).
        // 3.12's immortal objects report one fixed count (ReportedRefCount).
        b.OneArg("getrefcount", o =>
        {
            var reported = api.ReportedRefCount(o);
            return api.NewInt(reported == o.RefCount ? reported - 1 : reported);
        });
        b.Function("_getframe", (args, kwargs) => GetFrame(interpreter, args, kwargs));
        b.NoArgs("exc_info", () =>
        {
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
            b.NoArgs("exc_clear", () =>
            {
                interpreter.SetHandled(PyRef.Null);
                interpreter.SetHandledTraceback(PyRef.Null);
                return api.NoneObject.NewRef();
            });
        }

        b.Function("getsizeof", (args, kwargs) =>
        {
            var n = ObjectApi.TupleSize(args);
            if (n == 0)
            {
                return api.Raise("TypeError", py27 ? "Required argument 'object' (pos 1) not found" : "getsizeof() missing required argument 'object' (pos 1)");
            }

            if (!Arguments.Parsed(api, "getsizeof", args, kwargs, 1, 2))
            {
                return PyRef.Null;
            }

            // 2.7 reads __sizeof__ as a bound built-in method (3.12 does too, but keeps no free list of them).
            return api.ModelBoundMethod() ? api.NewInt(api.SizeOfObject(ObjectApi.TupleItem(args, 0))) : PyRef.Null;
        });
        b.NoArgs("getrecursionlimit", () => api.NewInt(api.Heap.RecursionLimit));
        b.Function("setrecursionlimit", (args, kwargs) =>
        {
            if (!b.OneNumberArgument("setrecursionlimit", args, kwargs) || !Arguments.Int(api, args, 0, out var limit))
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
        b.NoArgs("_debugmallocstats", () =>
        {
            DebugMallocStats.Write(interpreter.Runtime, interpreter.Stderr);
            return api.NoneObject.NewRef();
        });
        return b.Finish();
    }

    /// <summary>
    /// <c>sys._getframe([depth])</c>: the frame running the caller's code, or the one
    /// <paramref name="args"/>' depth calls up, made visible as an object (3.12 counts it then).
    /// New reference or null.
    /// </summary>
    private static PyRef GetFrame(Interpreter interpreter, PyRef args, PyRef kwargs)
    {
        var api = interpreter.Api;
        var counted = interpreter.Py27
            ? Arguments.Parsed(api, "_getframe", args, kwargs, 0, 1)
            : Arguments.Unpacked(api, py27: false, "_getframe", args, kwargs, 0, 1);
        if (!counted)
        {
            return PyRef.Null;
        }

        var depth = 0L;
        if (ObjectApi.TupleSize(args) == 1)
        {
            var given = ObjectApi.TupleItem(args, 0);
            if (!api.IsInt(given) || !api.TryAsLong(given, out depth))
            {
                return api.Raise("TypeError", interpreter.Py27 ? "an integer is required" : $"'{ObjectApi.TypeName(given)}' object cannot be interpreted as an integer");
            }
        }

        var frame = interpreter.CurrentFrame;
        for (; !frame.IsNull && depth > 0; depth--)
        {
            frame = ObjectApi.FrameBack(frame);
        }

        if (frame.IsNull)
        {
            return api.Raise("ValueError", "call stack is not deep enough");
        }

        api.MaterializeFrame(frame);
        return frame.NewRef();
    }

    /// <summary>
    /// 3.x's <c>sys.intern(s)</c> and 2.7's built-in <c>intern(s)</c>: the one interned str equal
    /// to the argument, so that equal texts share one object; an exact str only. New reference
    /// or null. (CPython interns the argument itself when its text is not interned yet, so
    /// <c>intern(s) is s</c> there; Refheap's intern table makes its own str.)
    /// </summary>
    public static PyRef Intern(ObjectApi api, bool py27, PyRef args, PyRef kwargs)
    {
        // 2.7's built-in parses its tuple; 3.x's sys.intern is METH_O.
        if (py27 ? !Arguments.Parsed(api, "intern", args, kwargs, 1, 1) : !Arguments.OneArg(api, "sys.intern", args, kwargs))
        {
            return PyRef.Null;
        }

        var s = ObjectApi.TupleItem(args, 0);
        if (!api.IsStr(s))
        {
            // The argument parser's wording: None by name, anything else by its type.
            var given = api.IsNone(s) ? "None" : ObjectApi.TypeName(s);
            return api.Raise("TypeError", py27
                ? $"intern() argument 1 must be string, not {given}"
                : $"intern() argument must be str, not {given}");
        }

        if (!api.IsExactStr(s))
        {
            return api.Raise("TypeError", py27 ? "can't intern subclass of string" : $"can't intern {ObjectApi.TypeName(s)}");
        }

        var interned = api.InternedAttributeName(s);
        return interned.IsNull ? interned : interned.NewRef();
    }
}
