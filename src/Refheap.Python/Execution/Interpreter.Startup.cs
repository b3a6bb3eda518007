using Refheap.Objects;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    /// <summary>
    /// Imports the built-in modules CPython has in <c>sys.modules</c> before a program's first
    /// line (2.7: <c>sys</c> and <c>__builtin__</c>; 3.12: <c>sys</c>, <c>builtins</c> and
    /// <c>time</c>, which its start-up imports), so
    /// that the program's own <c>import</c> of them finds them there and takes nothing from the
    /// free lists, as on CPython. A failure (the heap limit) is left for the program's import to meet.
    /// </summary>
    public void ImportStartupModules()
    {
        foreach (var name in Py27 ? ["sys"] : new[] { "sys", "time" })
        {
            var module = Import(name, PyRef.Null);
            if (module.IsNull)
            {
                _heap.ClearError();
                return;
            }

            module.DecRef();
            if (name == "sys" && AddModule(BuiltinsModuleName, _builtinsModule) < 0)
            {
                _heap.ClearError();
                return;
            }
        }
    }
}
