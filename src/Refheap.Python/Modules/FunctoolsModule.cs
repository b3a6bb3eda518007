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
            if (!Arguments.Check(api, "reduce", args, kwargs, 2, 3))
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

            return acc.IsNull ? api.Raise("TypeError", "reduce() of empty sequence with no initial value") : acc;
        });
        return b.Finish();
    }
}
