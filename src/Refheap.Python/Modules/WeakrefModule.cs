using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules;

/// <summary>
/// <c>weakref</c>: ref (the weak reference type), proxy, getweakrefcount, getweakrefs, the
/// weak containers (WeakValueDictionary, WeakKeyDictionary, WeakSet), finalize, and the type
/// names (ReferenceType, ProxyType, CallableProxyType) — all the runtime's.
/// </summary>
internal static class WeakrefModule
{
    /// <summary>Makes the module.</summary>
    public static PyRef Create(Interpreter interpreter, string name)
    {
        var api = interpreter.Api;
        var b = new ModuleBuilder(interpreter, name);
        b.Value("ref", api.EvalTypeObject("ref").NewRef());
        b.Value("ReferenceType", api.EvalTypeObject("ref").NewRef());
        b.Value("ProxyType", api.EvalTypeObject("ProxyType").NewRef());
        b.Value("CallableProxyType", api.EvalTypeObject("CallableProxyType").NewRef());
        b.Function("proxy", (args, kwargs) =>
        {
            if (!Arguments.Unpacked(api, interpreter.Py27, "proxy", args, kwargs, 1, 2))
            {
                return PyRef.Null;
            }

            var callback = ObjectApi.TupleSize(args) == 2 ? ObjectApi.TupleItem(args, 1) : PyRef.Null;
            return api.NewWeakProxy(ObjectApi.TupleItem(args, 0), callback);
        }, owner: "_weakref");
        // CPython's are _weakref's (as proxy is), which 3.x's messages name.
        b.OneArg("getweakrefcount", o => api.NewInt(ObjectApi.WeakReferenceCount(o)), owner: "_weakref");
        b.OneArg("getweakrefs", o => api.ListSteal([.. ObjectApi.WeakReferences(o).Select(r => r.NewRef())]), owner: "_weakref");
        if (name == "weakref")
        {
            b.Value("ReferenceError", api.ExceptionClass("ReferenceError").NewRef());
            b.Value("WeakValueDictionary", api.EvalTypeObject("WeakValueDictionary").NewRef());
            b.Value("WeakKeyDictionary", api.EvalTypeObject("WeakKeyDictionary").NewRef());
            b.Value("WeakSet", api.EvalTypeObject("WeakSet").NewRef());
            b.Value("KeyedRef", api.EvalTypeObject("KeyedRef").NewRef());
            if (!interpreter.Py27)
            {
                b.Value("finalize", api.EvalTypeObject("finalize").NewRef());
            }
        }

        return b.Finish();
    }
}
