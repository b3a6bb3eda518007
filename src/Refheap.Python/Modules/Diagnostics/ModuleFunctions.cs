using Refheap.Objects;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>Puts the native functions of the diagnostics modules (guppy's, tracemalloc's) into their dicts.</summary>
internal static class ModuleFunctions
{
    /// <summary>Adds <paramref name="name"/> as a function of positional arguments only; false with the error set.</summary>
    public static bool Add(ObjectApi api, PyRef dict, string name, Func<PyRef, PyRef> body)
    {
        var f = api.NewNativeFunction(name, (_, args, _) => body(args), isMethod: false);
        if (f.IsNull)
        {
            return false;
        }

        var r = api.DictSetString(dict, name, f);
        f.DecRef();
        return r >= 0;
    }
}
