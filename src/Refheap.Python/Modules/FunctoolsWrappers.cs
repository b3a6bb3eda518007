using Refheap.Objects;
using Refheap.Python.Builtins;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules;

/// <summary>
/// <c>functools.update_wrapper</c> and <c>functools.wraps</c>, as CPython's functools.py
/// defines them: the wrapper takes the wrapped function's <c>__module__</c>, <c>__name__</c>,
/// (3.x) <c>__qualname__</c> and <c>__doc__</c> (those it has), its <c>__dict__</c> entries, and
/// in 3.x a <c>__wrapped__</c> pointing back at it — a reference that keeps the wrapped function
/// alive as long as the wrapper.
/// </summary>
internal static class FunctoolsWrappers
{
    /// <summary>WRAPPER_ASSIGNMENTS of the profile (2.7 has no <c>__qualname__</c>).</summary>
    public static string[] Assignments(bool py27) =>
        py27 ? ["__module__", "__name__", "__doc__"] : ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__type_params__"];

    /// <summary>WRAPPER_UPDATES.</summary>
    public static readonly string[] Updates = ["__dict__"];

    /// <summary>A new tuple of the strs in <paramref name="names"/>, or null with the error set.</summary>
    public static PyRef NameTuple(ObjectApi api, string[] names)
    {
        var items = new PyRef[names.Length];
        try
        {
            for (var i = 0; i < names.Length; i++)
            {
                items[i] = api.NewString(names[i]);
                if (items[i].IsNull)
                {
                    return PyRef.Null;
                }
            }

            return api.NewTuple(items);
        }
        finally
        {
            foreach (var item in items)
            {
                item.XDecRef();
            }
        }
    }

    /// <summary>A new <c>update_wrapper</c> function (new reference or null).</summary>
    public static PyRef NewUpdateWrapper(Interpreter interpreter) =>
        interpreter.Api.NewNativeFunction("update_wrapper", (_, args, kwargs) => UpdateWrapper(interpreter.Api, interpreter.Py27, args, kwargs), isMethod: false, CallingConventions.Of("functools.update_wrapper", interpreter.Py27));

    /// <summary>
    /// <c>update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES)</c>,
    /// arguments by position or keyword: the wrapper (new reference), or null with the error set.
    /// </summary>
    public static PyRef UpdateWrapper(ObjectApi api, bool py27, PyRef args, PyRef kwargs)
    {
        string[] parameters = ["wrapper", "wrapped", "assigned", "updated"];
        var values = new PyRef[parameters.Length];
        var n = ObjectApi.TupleSize(args);
        if (n > parameters.Length)
        {
            return api.Raise("TypeError", $"update_wrapper() takes from 2 to 4 positional arguments but {n} were given");
        }

        for (var i = 0; i < n; i++)
        {
            values[i] = ObjectApi.TupleItem(args, i);
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var given = kwargs.IsNull ? PyRef.Null : api.DictGetString(kwargs, parameters[i]);
            if (!given.IsNull)
            {
                if (!values[i].IsNull)
                {
                    return api.Raise("TypeError", $"update_wrapper() got multiple values for argument '{parameters[i]}'");
                }

                values[i] = given;
            }
        }

        if (values[0].IsNull || values[1].IsNull)
        {
            return api.Raise("TypeError", $"update_wrapper() missing required positional argument: '{(values[0].IsNull ? "wrapper" : "wrapped")}'");
        }

        var (wrapper, wrapped) = (values[0], values[1]);
        var assigned = values[2].IsNull ? NameTuple(api, Assignments(py27)) : values[2].NewRef();
        var updated = values[3].IsNull ? NameTuple(api, Updates) : values[3].NewRef();
        var ok = !assigned.IsNull && !updated.IsNull && Assign(api, wrapper, wrapped, assigned) && Update(api, wrapper, wrapped, updated)
            && (py27 || api.SetAttr(wrapper, "__wrapped__", wrapped) == 0);
        assigned.XDecRef();
        updated.XDecRef();
        return ok ? wrapper.NewRef() : PyRef.Null;
    }

    // For each name: the wrapped object's attribute, if it has it, set on the wrapper.
    private static bool Assign(ObjectApi api, PyRef wrapper, PyRef wrapped, PyRef names)
    {
        return ForEach(api, names, name =>
        {
            var value = api.GetAttr(wrapped, name);
            if (value.IsNull)
            {
                if (!api.ErrorMatches("AttributeError"))
                {
                    return false;
                }

                api.ClearError();
                return true;
            }

            var status = api.SetAttr(wrapper, name, value);
            value.DecRef();
            return status == 0;
        });
    }

    // For each name: getattr(wrapper, name).update(getattr(wrapped, name, {})).
    private static bool Update(ObjectApi api, PyRef wrapper, PyRef wrapped, PyRef names)
    {
        return ForEach(api, names, name =>
        {
            var target = api.GetAttr(wrapper, name);
            if (target.IsNull)
            {
                return false;
            }

            var source = api.GetAttr(wrapped, name);
            if (source.IsNull)
            {
                if (!api.ErrorMatches("AttributeError"))
                {
                    target.DecRef();
                    return false;
                }

                api.ClearError();
                source = api.NewDict();
            }

            var update = source.IsNull ? PyRef.Null : api.GetAttr(target, "update");
            var result = update.IsNull ? PyRef.Null : api.Call(update, [source]);
            update.XDecRef();
            source.XDecRef();
            target.DecRef();
            result.XDecRef();
            return !result.IsNull;
        });
    }

    private static bool ForEach(ObjectApi api, PyRef iterable, Func<PyRef, bool> body)
    {
        var it = api.GetIter(iterable);
        if (it.IsNull)
        {
            return false;
        }

        var ok = true;
        while (ok)
        {
            var item = api.IterNext(it);
            if (item.IsNull)
            {
                ok = !api.ErrorOccurred;
                break;
            }

            ok = body(item);
            item.DecRef();
        }

        it.DecRef();
        return ok;
    }
}
