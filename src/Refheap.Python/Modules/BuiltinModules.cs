using Refheap.Objects;
using Refheap.Python.Execution;
using Refheap.Python.Modules.Diagnostics;

namespace Refheap.Python.Modules;

/// <summary>The modules implemented in C#: <c>sys</c>, <c>gc</c>, <c>weakref</c>, <c>functools</c>, <c>time</c>, and the diagnostics modules <c>objgraph</c>, <c>guppy</c> and (3.12) <c>tracemalloc</c>.</summary>
internal static class BuiltinModules
{
    /// <summary>A new module called <paramref name="name"/>, or null without an error when there is no such built-in module.</summary>
    public static PyRef Create(Interpreter interpreter, string name) => name switch
    {
        "sys" => SysModule.Create(interpreter),
        "gc" => GcModuleBindings.Create(interpreter),
        "weakref" or "_weakref" => WeakrefModule.Create(interpreter, name),
        "functools" => FunctoolsModule.Create(interpreter),
        "time" => TimeModule.Create(interpreter),
        "objgraph" => ObjgraphModule.Create(interpreter),
        "guppy" => GuppyModule.Create(interpreter),
        "tracemalloc" when !interpreter.Py27 => TracemallocModule.Create(interpreter),
        _ => PyRef.Null,
    };
}
