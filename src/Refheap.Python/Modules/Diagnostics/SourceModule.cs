using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>A built-in module written in Python: its source is compiled and run in a fresh module, as an imported file is; its <c>__file__</c> is <c>&lt;refheap NAME&gt;</c>.</summary>
internal static class SourceModule
{
    /// <summary>The module <paramref name="name"/> made by running <paramref name="source"/> (new reference), or null with the error set.</summary>
    public static PyRef Create(Interpreter interpreter, string name, string source)
    {
        var api = interpreter.Api;
        var fileName = $"<refheap {name}>";
        var unit = interpreter.CompileSource(source, fileName, interpreter.Stderr);
        var module = api.NewModule(name);
        if (module.IsNull)
        {
            return module;
        }

        // __file__ names the code's file, so that tracemalloc.Filter(False, tracemalloc.__file__) works.
        var file = api.NewStr(fileName);
        if (file.IsNull || api.DictSetString(ObjectApi.ModuleDict(module), "__file__", file) < 0)
        {
            file.XDecRef();
            module.DecRef();
            return PyRef.Null;
        }

        file.DecRef();

        var r = interpreter.RunModuleCode(unit, ObjectApi.ModuleDict(module));
        if (r.IsNull)
        {
            module.DecRef();
            return PyRef.Null;
        }

        r.DecRef();
        return module;
    }
}
