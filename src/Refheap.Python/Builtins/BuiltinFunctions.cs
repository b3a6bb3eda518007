using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary>
/// The builtins module's contents: its functions (implemented in <see cref="BuiltinsModule"/>
/// over the <see cref="ObjectApi"/> facade), the built-in types and the exception classes of
/// the runtime's profile. The evaluator adds what needs frames (super, globals, locals,
/// vars(), __import__, __build_class__, exec, eval, compile, input, open).
/// </summary>
public static class BuiltinFunctions
{
    /// <summary>
    /// Adds every builtin function, type, exception class and constant (None, True, False,
    /// NotImplemented, __debug__) into <paramref name="builtins"/>, a dict on the heap of
    /// <paramref name="api"/>. False with the heap's error set when the heap is out of memory.
    /// </summary>
    internal static bool Populate(ObjectApi api, PyRef builtins, BuiltinsHost host)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(host);
        var module = new BuiltinsModule(api, host);
        var behaviour = module.Behaviour;
        foreach (var (name, body) in module.Functions())
        {
            var f = api.NewBuiltinFunction(name, body, CallingConventions.Of(name, behaviour.Python2Names));
            if (f.IsNull)
            {
                return false;
            }

            var r = api.DictSetItem(builtins, name, f);
            f.DecRef();
            if (r < 0)
            {
                return false;
            }
        }

        List<string> typeNames = ["object", "type", "int", "bool", "float", "str", "tuple", "list", "dict", "set", "frozenset", "enumerate", "reversed", "slice"];
        if (behaviour.Python2Names)
        {
            typeNames.Add("long");
        }

        if (!behaviour.FunctionalBuiltinsReturnLists)
        {
            typeNames.AddRange(["map", "filter", "zip"]);
        }

        typeNames.AddRange(api.ExceptionNames);
        foreach (var name in typeNames)
        {
            if (api.DictSetItem(builtins, name, api.BuiltinType(name)) < 0)
            {
                return false;
            }
        }

        var constants = new (string Name, PyRef Value)[]
        {
            (behaviour.RangeReturnsList ? "xrange" : "range", api.RangeTypeObject.NewRef()),
            ("None", api.None),
            ("True", api.NewBool(true)),
            ("False", api.NewBool(false)),
            ("NotImplemented", api.NotImplemented),
            ("Ellipsis", api.Ellipsis),
            ("__debug__", api.NewBool(true)),
        };
        var ok = true;
        foreach (var (name, value) in constants)
        {
            ok = ok && api.DictSetItem(builtins, name, value) >= 0;
            value.DecRef();
        }

        return ok;
    }
}
