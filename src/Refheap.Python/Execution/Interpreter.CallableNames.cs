using Refheap.Objects;

namespace Refheap.Python.Execution;

/// <summary>How a call's errors name the callable, as each CPython does.</summary>
internal sealed partial class Interpreter
{
    /// <summary>
    /// A call's <c>*x</c> that is not iterable (iter()'s own TypeError): CPython's "f() argument
    /// after * must be an iterable, not T", naming the function as <see cref="FunctionStr"/> does.
    /// </summary>
    private void ReplaceStarArgumentError(PyRef callable, PyRef iterable)
    {
        if (_api.IterRefused(iterable))
        {
            _api.ClearError();
            _api.Raise("TypeError", $"{FunctionStr(callable)} argument after * must be an iterable, not {ObjectApi.TypeName(iterable)}");
        }
    }

    /// <summary>
    /// How CPython names a callable in a call's errors: 3.12's _PyObject_FunctionStr
    /// (<c>module.qualname()</c>, <c>len()</c> for a built-in, str(o) without a qualname);
    /// 2.7's PyEval_GetFuncName and PyEval_GetFuncDesc (<c>f()</c>, <c>type object</c>).
    /// </summary>
    private string FunctionStr(PyRef callable)
    {
        if (Py27 && ObjectApi.TypeName(callable) == "builtin_function_or_method")
        {
            // 2.7: a built-in's name alone (3.12 names it by its qualname and module, below).
            var builtinName = _api.GetAttr(callable, "__name__");
            var text = builtinName.IsNull ? "?" : ObjectApi.StrText(builtinName);
            builtinName.XDecRef();
            _api.ClearError();
            return text + "()";
        }

        if (Py27)
        {
            var function = _api.IsBoundMethod(callable) ? ObjectApi.MethodFunction(callable) : callable;
            return _api.IsPythonFunction(function) ? ObjectApi.StrText(ObjectApi.FunctionName(function)) + "()" : ObjectApi.TypeName(callable) + " object";
        }

        var qualname = _api.GetAttr(callable, "__qualname__");
        if (qualname.IsNull || !_api.IsStr(qualname))
        {
            _api.ClearError();
            qualname.XDecRef();
            return _api.Str(callable) ?? "?";
        }

        var name = ObjectApi.StrText(qualname);
        qualname.DecRef();
        var module = _api.GetAttr(callable, "__module__");
        if (module.IsNull)
        {
            _api.ClearError();
        }

        var prefix = !module.IsNull && _api.IsStr(module) && ObjectApi.StrText(module) != "builtins" ? ObjectApi.StrText(module) + "." : "";
        module.XDecRef();
        return $"{prefix}{name}()";
    }
}
