using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules;

/// <summary><c>functools</c>: <c>partial</c> (a heap object holding its function and arguments) and <c>reduce</c>.</summary>
internal static class FunctoolsModule
{
    /// <summary>Makes the module.</summary>
    public static PyRef Create(Interpreter interpreter)
    {
        var api = interpreter.Api;
        var b = new ModuleBuilder(interpreter, "functools");
        b.Value("partial", api.EvalTypeObject("partial").NewRef());
        b.Function("reduce", (args, kwargs) =>
        {
            if (!Arguments.Unpacked(api, interpreter.Py27, "reduce", args, kwargs, 2, 3))
            {
                return PyRef.Null;
            }

            var function = ObjectApi.TupleItem(args, 0);
            var it = api.GetIter(ObjectApi.TupleItem(args, 1));
            if (it.IsNull)
            {
                return it;
            }

            var acc = ObjectApi.TupleSize(args) == 3 ? ObjectApi.TupleItem(args, 2).NewRef() : PyRef.Null;
            for (; ;)
            {
                var item = api.IterNext(it);
                if (item.IsNull)
                {
                    break;
                }

                if (acc.IsNull)
                {
                    acc = item;
                    continue;
                }

                var next = interpreter.CallValue(function, [acc, item], default);
                acc.DecRef();
                item.DecRef();
                acc = next;
                if (acc.IsNull)
                {
                    break;
                }
            }

            it.DecRef();
            if (api.Heap.ErrorOccurred)
            {
                acc.XDecRef();
                return PyRef.Null;
            }

            return acc.IsNull ? api.Raise("TypeError", $"reduce() of empty {(interpreter.Py27 ? "sequence" : "iterable")} with no initial value") : acc;
        }, owner: "_functools");
        var py27 = interpreter.Py27;
        b.Value("WRAPPER_ASSIGNMENTS", FunctoolsWrappers.NameTuple(api, FunctoolsWrappers.Assignments(py27)));
        b.Value("WRAPPER_UPDATES", FunctoolsWrappers.NameTuple(api, FunctoolsWrappers.Updates));
        b.Value("update_wrapper", FunctoolsWrappers.NewUpdateWrapper(interpreter));
        b.Function("wraps", (args, kwargs) => Wraps(interpreter, args, kwargs));
        return b.Finish();
    }

    /// <summary>
    /// <c>wraps(wrapped, assigned=..., updated=...)</c>: <c>partial(update_wrapper, wrapped=wrapped,
    /// assigned=assigned, updated=updated)</c>, as functools.py makes it, over an update_wrapper
    /// function of its own (the module's may be gone by the time wraps is called). New reference or null.
    /// </summary>
    private static PyRef Wraps(Interpreter interpreter, PyRef args, PyRef kwargs)
    {
        var api = interpreter.Api;
        // A Python function in CPython: its own messages for the count of its positional arguments.
        var n = ObjectApi.TupleSize(args);
        if (n == 0 && (kwargs.IsNull || api.DictGetString(kwargs, "wrapped").IsNull))
        {
            return api.Raise("TypeError", interpreter.Py27 ? "wraps() takes at least 1 argument (0 given)" : "wraps() missing 1 required positional argument: 'wrapped'");
        }

        if (n > 3)
        {
            return api.Raise("TypeError", interpreter.Py27 ? $"wraps() takes at most 3 arguments ({n} given)" : $"wraps() takes from 1 to 3 positional arguments but {n} were given");
        }

        string[] names = ["wrapped", "assigned", "updated"];
        var keywords = kwargs.IsNull ? api.NewDict() : api.DictCopy(kwargs);
        var update = keywords.IsNull ? PyRef.Null : FunctoolsWrappers.NewUpdateWrapper(interpreter);
        var ok = !update.IsNull;
        for (var i = 0; ok && i < ObjectApi.TupleSize(args); i++)
        {
            ok = api.DictSetItem(keywords, names[i], ObjectApi.TupleItem(args, i)) == 0;
        }

        // The defaults of the two left out, as wraps's own defaults pass them on.
        string[][] defaults = [FunctoolsWrappers.Assignments(interpreter.Py27), FunctoolsWrappers.Updates];
        for (var i = 1; ok && i < names.Length; i++)
        {
            if (api.DictGetString(keywords, names[i]).IsNull)
            {
                var value = FunctoolsWrappers.NameTuple(api, defaults[i - 1]);
                ok = !value.IsNull && api.DictSetItem(keywords, names[i], value) == 0;
                value.XDecRef();
            }
        }

        var callArgs = ok ? api.NewTuple([update]) : PyRef.Null;
        var result = callArgs.IsNull ? PyRef.Null : api.Call(api.EvalTypeObject("partial"), callArgs, keywords);
        callArgs.XDecRef();
        update.XDecRef();
        keywords.XDecRef();
        return result;
    }
}
