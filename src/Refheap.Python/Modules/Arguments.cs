using Refheap.Objects;

namespace Refheap.Python.Modules;

/// <summary>Argument checks for functions of the built-in modules, with CPython's messages.</summary>
internal static class Arguments
{
    /// <summary>Checks that <paramref name="args"/> has between <paramref name="min"/> and <paramref name="max"/> items and no keywords; raises TypeError otherwise.</summary>
    public static bool Check(ObjectApi api, string name, PyRef args, PyRef kwargs, int min, int max)
    {
        if (!kwargs.IsNull && api.DictCount(kwargs) > 0)
        {
            api.Raise("TypeError", $"{name}() takes no keyword arguments");
            return false;
        }

        var n = ObjectApi.TupleSize(args);
        if (n >= min && n <= max)
        {
            return true;
        }

        var message = min == max
            ? (min == 0 ? $"{name}() takes no arguments ({n} given)" : $"{name}() takes exactly {(min == 1 ? "one argument" : $"{min} arguments")} ({n} given)")
            : n < min ? $"{name} expected at least {min} argument{(min == 1 ? "" : "s")}, got {n}" : $"{name} expected at most {max} argument{(max == 1 ? "" : "s")}, got {n}";
        api.Raise("TypeError", message);
        return false;
    }

    /// <summary>Argument <paramref name="i"/> as an int; TypeError when it is not one.</summary>
    public static bool Int(ObjectApi api, PyRef args, int i, out long value)
    {
        var o = ObjectApi.TupleItem(args, i);
        if (api.IsInt(o) && api.TryAsLong(o, out value))
        {
            return true;
        }

        value = 0;
        api.Raise("TypeError", $"an integer is required (got type {ObjectApi.TypeName(o)})");
        return false;
    }
}
