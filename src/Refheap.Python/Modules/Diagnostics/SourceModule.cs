using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>A built-in module written in Python: its source is compiled and run in a fresh module, as an imported file is.</summary>
internal static class SourceModule
{
    /// <summary>The module <paramref name="name"/> made by running <paramref name="source"/> (new reference), or null with the error set.</summary>
    public static PyRef Create(Interpreter interpreter, string name, string source)
    {
        var api = interpreter.Api;
        var unit = interpreter.CompileSource(source, $"<refheap {name}>", interpreter.Stderr);
        var module = api.NewModule(name);
        if (module.IsNull)
        {
            return module;
        }

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
