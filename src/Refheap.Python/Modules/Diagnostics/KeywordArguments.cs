using Refheap.Objects;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>Binds a native function's positional and keyword arguments to its parameter names, with CPython's TypeErrors.</summary>
internal static class KeywordArguments
{
    /// <summary>
    /// The arguments by parameter (borrowed; null where not given), or null with TypeError set.
    /// The first <paramref name="required"/> parameters must be given.
    /// </summary>
    public static PyRef[]? Bind(ObjectApi api, string function, PyRef args, PyRef kwargs, string[] names, int required)
    {
        var bound = new PyRef[names.Length];
        var n = ObjectApi.TupleSize(args);
        if (n > names.Length)
        {
            api.Raise("TypeError", $"{function}() takes at most {names.Length} arguments ({n} given)");
            return null;
        }

        for (var i = 0; i < n; i++)
        {
            bound[i] = ObjectApi.TupleItem(args, i);
        }

        if (!kwargs.IsNull)
        {
            foreach (var (key, value) in api.DictItems(kwargs))
            {
                var name = api.IsStr(key) ? ObjectApi.StrText(key) : "";
                var i = Array.IndexOf(names, name);
                if (i < 0)
                {
                    api.Raise("TypeError", $"{function}() got an unexpected keyword argument '{name}'");
                    return null;
                }

                if (!bound[i].IsNull)
                {
                    api.Raise("TypeError", $"{function}() got multiple values for argument '{name}'");
                    return null;
                }

                bound[i] = value;
            }
        }

        for (var i = 0; i < required; i++)
        {
            if (bound[i].IsNull)
            {
                api.Raise("TypeError", $"{function}() missing required argument '{names[i]}'");
                return null;
            }
        }

        return bound;
    }

    /// <summary>Whether an optional argument was given and is not None.</summary>
    public static bool Given(ObjectApi api, PyRef value) => !value.IsNull && !api.IsNone(value);
}
