using Refheap.Objects;
using Refheap.Python.Compiler;

namespace Refheap.Python.Execution;

/// <summary>Runs a Python program on a runtime, as <c>python FILE args</c> does.</summary>
public static class PythonProgram
{
    /// <summary>The stack of the thread a program runs on: deep Python recursion reaches the recursion limit long before it.</summary>
    private const int ProgramStackBytes = 512 * 1024 * 1024;

    /// <summary>
    /// Runs a program on <paramref name="runtime"/> (its profile picks the dialect: py27 ↔ 2.7,
    /// py312 ↔ 3.12), as <c>python FILE args</c>: returns the exit code (0, 1 for an uncaught
    /// exception or syntax error, or <c>sys.exit</c>'s code); writes stdout and stderr; tears
    /// down <c>__main__</c> and its imported modules at the end so that the heap returns to
    /// its starting census. The caller must not hold the runtime lock (the program runs on a
    /// thread of its own, with a large stack).
    /// </summary>
    public static int Run(Refheap.Runtime runtime, string source, string fileName, IReadOnlyList<string> argv, TextWriter stdout, TextWriter stderr) =>
        Run(runtime, source, fileName, argv, stdout, stderr, atStart: null, atExit: null);

    /// <summary>
    /// <see cref="Run(Refheap.Runtime, string, string, IReadOnlyList{string}, TextWriter, TextWriter)"/>
    /// calling <paramref name="atStart"/> (under the runtime lock) once the interpreter is set up
    /// and the program compiled, just before its first line runs, and <paramref name="atExit"/>
    /// when the program has finished and before its modules are torn down, as CPython's
    /// <c>atexit</c> handlers run.
    /// </summary>
    public static int Run(Refheap.Runtime runtime, string source, string fileName, IReadOnlyList<string> argv, TextWriter stdout, TextWriter stderr, Action? atStart, Action? atExit)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var exitCode = 1;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    using var gil = runtime.Enter();
                    exitCode = RunLocked(runtime, source, fileName, argv ?? [], stdout, stderr, atStart, atExit);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            ProgramStackBytes);
        thread.Start();
        thread.Join();
        stdout.Flush();
        stderr.Flush();
        if (failure != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return exitCode;
    }

    private static int RunLocked(Refheap.Runtime runtime, string source, string fileName, IReadOnlyList<string> argv, TextWriter stdout, TextWriter stderr, Action? atStart, Action? atExit)
    {
        var dialect = PythonDialect.FromProfile(runtime.Profile);
        var isFile = !fileName.StartsWith('<');
        var codeFileName = isFile && !dialect.PrintIsStatement ? Path.GetFullPath(fileName) : fileName;
        var directory = isFile ? Path.GetDirectoryName(Path.GetFullPath(fileName)) ?? "." : Directory.GetCurrentDirectory();
        using var interpreter = new Interpreter(runtime, stdout, stderr, directory) { Argv = argv.Count == 0 ? [isFile ? fileName : "-c"] : argv };
        // What a program may change on the runtime is put back afterwards, so that programs run
        // one after another on one runtime each start as a fresh CPython would.
        var collector = runtime.Api.Heap.Gc;
        var (enabled, thresholds, debug, recursionLimit) = (collector.Enabled, collector.Thresholds, collector.Debug, runtime.Api.Heap.RecursionLimit);
        var previousUnraisable = runtime.Api.Heap.UnraisableWriter;
        var previousUnraisableTraceback = runtime.Api.Heap.UnraisableTraceback;
        var previousDebug = runtime.Api.Heap.Gc.DebugWriter;
        var previousObserver = runtime.Api.Heap.AllocationObserver;
        var sysStderr = new SysStreamWriter(interpreter, "stderr", stderr);
        runtime.Api.Heap.UnraisableWriter = sysStderr;
        runtime.Api.Heap.UnraisableTraceback = e => TracebackPrinter.Format(interpreter, e);
        runtime.Api.Heap.Gc.DebugWriter = sysStderr;
        try
        {
            CodeUnit unit;
            try
            {
                unit = interpreter.CompileSource(source, codeFileName, stderr);
            }
            catch (PythonSyntaxError e)
            {
                stderr.Write(e.FormatForDisplay());
                return 1;
            }
            catch (PythonUnsupportedError e)
            {
                stderr.Write(e.FormatForDisplay());
                return 1;
            }

            runtime.Api.MakeStartupObjects();
            interpreter.ImportStartupModules();
            atStart?.Invoke();
            // In CPython's order: __main__ exists, then pyrun_file makes the parser's arena list;
            // what start-up leaves on the free lists is measured after both.
            var module = PrepareMain(interpreter, codeFileName);
            var arena = interpreter.Api.NewList([]);
            runtime.Api.PrefillFreeLists([.. dialect.StartupTupleFreeLists], dialect.StartupLists(unit.Footprint), dialect.StartupMethodFreeList, dialect.StartupDicts(unit.Footprint), dialect.StartupSetFreeList, dialect.StartupSliceCache);
            var exitCode = RunMain(interpreter, unit, module, arena);
            atExit?.Invoke();
            interpreter.ModuleTeardown();
            return exitCode;
        }
        finally
        {
            runtime.Api.Heap.UnraisableWriter = previousUnraisable;
            runtime.Api.Heap.UnraisableTraceback = previousUnraisableTraceback;
            runtime.Api.Heap.Gc.DebugWriter = previousDebug;
            runtime.Api.Heap.AllocationObserver = previousObserver;
            (collector.Enabled, collector.Thresholds, collector.Debug, runtime.Api.Heap.RecursionLimit) = (enabled, thresholds, debug, recursionLimit);
        }
    }

    /// <summary>
    /// The <c>__main__</c> module with its dict filled as CPython's (a new reference), or null with
    /// the error set. 3.12's <c>__loader__</c> is None here where CPython's is a SourceFileLoader,
    /// an object Refheap does not have.
    /// </summary>
    private static PyRef PrepareMain(Interpreter interpreter, string fileName)
    {
        var api = interpreter.Api;
        var module = api.NewModule("__main__");
        if (module.IsNull || interpreter.AddModule("__main__", module) < 0)
        {
            module.XDecRef();
            return PyRef.Null;
        }

        var dict = ObjectApi.ModuleDict(module);
        if (!interpreter.Py27)
        {
            api.DictSetString(dict, "__loader__", api.NoneObject);
            api.DictSetString(dict, "__spec__", api.NoneObject);
            var annotations = api.Heap.NewDict();
            if (!annotations.IsNull)
            {
                api.DictSetString(dict, "__annotations__", annotations);
                annotations.DecRef();
            }
        }

        // The builtins module itself (imported modules get its dict), after what the module
        // object starts with and 3.12's __annotations__, before __file__, as CPython's initmain.
        api.DictSetString(dict, "__builtins__", interpreter.BuiltinsModule);

        if (!fileName.StartsWith('<'))
        {
            var file = api.NewStr(fileName);
            if (!file.IsNull)
            {
                api.DictSetString(dict, "__file__", file);
                file.DecRef();
                if (!interpreter.Py27)
                {
                    // A script run as __main__ has no cached bytecode.
                    api.DictSetString(dict, "__cached__", api.NoneObject);
                }
            }
        }

        return module;
    }

    // module and arena (the parser's list): owned, either may be null (an error is then set);
    // the arena goes when the code returns, as pyrun_file frees it.
    private static int RunMain(Interpreter interpreter, CodeUnit unit, PyRef module, PyRef arena)
    {
        var heap = interpreter.Api.Heap;
        if (module.IsNull || arena.IsNull)
        {
            module.XDecRef();
            arena.XDecRef();
            return ReportUncaught(interpreter);
        }

        var r = interpreter.RunModuleCode(unit, ObjectApi.ModuleDict(module), arena);
        arena.DecRef();
        module.DecRef();
        if (r.IsNull)
        {
            return ReportUncaught(interpreter);
        }

        r.DecRef();
        return heap.ErrorOccurred ? ReportUncaught(interpreter) : 0;
    }

    /// <summary>Prints the pending exception (SystemExit gives its code) and returns the exit code.</summary>
    private static int ReportUncaught(Interpreter interpreter)
    {
        var api = interpreter.Api;
        var e = api.Heap.FetchError();
        if (e.IsNull)
        {
            return 1;
        }

        try
        {
            var systemExit = api.ExceptionClass("SystemExit");
            if (!systemExit.IsNull && ObjectApi.IsSubclass(e.Type, systemExit))
            {
                return ExitCode(interpreter, e);
            }

            interpreter.Stdout.Flush();
            TracebackPrinter.Print(interpreter, e, interpreter.Stderr);
            return 1;
        }
        finally
        {
            e.DecRef();
        }
    }

    private static int ExitCode(Interpreter interpreter, PyRef exit)
    {
        // handle_system_exit: SystemExit.code (None without arguments, the argument alone, or
        // the arguments tuple; assignable): None is 0, an int the status, anything else is
        // printed to stderr and the status is 1.
        var api = interpreter.Api;
        var code = api.GetAttr(exit, api.Intern("code"));
        if (code.IsNull)
        {
            api.Heap.ClearError();
            return 0;
        }

        try
        {
            if (api.IsNone(code))
            {
                return 0;
            }

            if (api.IsInt(code) && api.TryAsLong(code, out var value))
            {
                return (int)value;
            }

            interpreter.Stdout.Flush();
            var text = api.Str(code);
            api.Heap.ClearError();
            interpreter.Stderr.Write((text ?? "") + "\n");
            return 1;
        }
        finally
        {
            code.DecRef();
        }
    }
}
