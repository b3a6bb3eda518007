using Refheap.Objects;

namespace Refheap.Python.Modules;

/// <summary>Argument checks for functions of the built-in modules, with CPython's messages.</summary>
internal static class Arguments
{
    /// <summary>
    /// A METH_NOARGS function's check: "<paramref name="label"/>() takes no arguments (n given)";
    /// the label is <c>module.name</c> in 3.x (<see cref="ModuleBuilder.MethodLabel"/>).
    /// </summary>
    public static bool NoArgs(ObjectApi api, string label, PyRef args, PyRef kwargs) =>
        NoKeywords(api, label, kwargs) && Count(api, args, 0, 0, n => $"{label}() takes no arguments ({n} given)");

    /// <summary>A METH_O function's check: "<paramref name="label"/>() takes exactly one argument (n given)".</summary>
    public static bool OneArg(ObjectApi api, string label, PyRef args, PyRef kwargs) =>
        NoKeywords(api, label, kwargs) && Count(api, args, 1, 1, n => $"{label}() takes exactly one argument ({n} given)");

    /// <summary>
    /// PyArg_ParseTuple's count check: "<paramref name="name"/>() takes exactly|at least|at most
    /// N argument(s) (n given)"; no keywords.
    /// </summary>
    public static bool Parsed(ObjectApi api, string name, PyRef args, PyRef kwargs, int min, int max) =>
        NoKeywords(api, name, kwargs) && Count(api, args, min, max, n =>
        {
            var (how, bound) = min == max ? ("exactly", min) : n < min ? ("at least", min) : ("at most", max);
            return $"{name}() takes {how} {bound} argument{(bound == 1 ? "" : "s")} ({n} given)";
        });

    /// <summary>
    /// PyArg_UnpackTuple's count check: "<paramref name="name"/> expected at least|at most N
    /// arguments, got n" (2.7 always says "arguments"); no keywords.
    /// </summary>
    public static bool Unpacked(ObjectApi api, bool py27, string name, PyRef args, PyRef kwargs, int min, int max) =>
        NoKeywords(api, name, kwargs) && Count(api, args, min, max, n =>
        {
            var (how, bound) = n < min ? ("at least", min) : ("at most", max);
            return $"{name} expected {how} {bound} argument{(bound == 1 && !py27 ? "" : "s")}, got {n}";
        });

    private static bool NoKeywords(ObjectApi api, string name, PyRef kwargs)
    {
        if (kwargs.IsNull || api.DictCount(kwargs) == 0)
        {
            return true;
        }

        api.Raise("TypeError", $"{name}() takes no keyword arguments");
        return false;
    }

    private static bool Count(ObjectApi api, PyRef args, int min, int max, Func<int, string> message)
    {
        var n = ObjectApi.TupleSize(args);
        if (n >= min && n <= max)
        {
            return true;
        }

        api.Raise("TypeError", message(n));
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
