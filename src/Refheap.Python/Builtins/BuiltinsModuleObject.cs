using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary>
/// The <c>builtins</c> module object (2.7: <c>__builtin__</c>), whose dict is the one the
/// evaluator looks builtins up in: <c>builtins.len is len</c>, and a name stored on the module
/// is found as a builtin.
/// </summary>
internal static class BuiltinsModuleObject
{
    /// <summary>The module's name in the profile's Python.</summary>
    public static string Name(bool py27) => py27 ? "__builtin__" : "builtins";

    /// <summary>
    /// A new, empty builtins module (new reference), or null with the error set: its dict starts
    /// as CPython's does, <c>__name__</c>, <c>__doc__</c> and <c>__package__</c> (2.7: None, 3.12:
    /// ''), before <see cref="BuiltinFunctions.Populate"/> fills it. CPython 3.12's also has
    /// <c>__loader__</c> and <c>__spec__</c> (importlib's BuiltinImporter and a ModuleSpec), objects
    /// Refheap does not have; they are left out rather than faked, and <c>__doc__</c> is None as
    /// on Refheap's other built-in modules.
    /// </summary>
    public static PyRef Create(ObjectApi api, bool py27)
    {
        var module = api.NewModule(Name(py27));
        if (module.IsNull)
        {
            return module;
        }

        var package = py27 ? api.NoneObject.NewRef() : api.NewStr("");
        if (package.IsNull || api.DictSetString(ObjectApi.ModuleDict(module), "__package__", package) < 0)
        {
            package.XDecRef();
            module.DecRef();
            return PyRef.Null;
        }

        package.DecRef();
        return module;
    }
}
