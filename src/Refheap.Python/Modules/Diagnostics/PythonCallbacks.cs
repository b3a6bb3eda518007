using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>
/// Python callables (objgraph's predicates, filters, <c>extra_info</c>) as the C# delegates the
/// diagnostics library takes. The library cannot stop on a Python exception, so the first
/// one is kept and every later call answers false; <see cref="Finish"/> puts it back on the heap.
/// </summary>
internal sealed class PythonCallbacks
{
    private readonly Interpreter _interpreter;
    private PyRef _error;

    /// <summary>Callbacks calling into <paramref name="interpreter"/>.</summary>
    public PythonCallbacks(Interpreter interpreter) => _interpreter = interpreter;

    private ObjectApi Api => _interpreter.Api;

    /// <summary><c>bool(f(o))</c>, or null when <paramref name="f"/> is not given.</summary>
    public Func<PyRef, bool>? Predicate(PyRef f)
    {
        if (!KeywordArguments.Given(Api, f))
        {
            return null;
        }

        return o =>
        {
            if (!_error.IsNull)
            {
                return false;
            }

            var r = _interpreter.CallValue(f, [o], PyRef.Null);
            var truth = r.IsNull ? -1 : Api.IsTrue(r);
            r.XDecRef();
            if (truth < 0)
            {
                _error = Api.Heap.FetchError();
                return false;
            }

            return truth > 0;
        };
    }

    /// <summary><c>str(f(o))</c>, or null when <paramref name="f"/> is not given.</summary>
    public Func<PyRef, string>? Text(PyRef f)
    {
        if (!KeywordArguments.Given(Api, f))
        {
            return null;
        }

        return o =>
        {
            if (!_error.IsNull)
            {
                return "";
            }

            var r = _interpreter.CallValue(f, [o], PyRef.Null);
            var text = r.IsNull ? null : Api.Str(r);
            r.XDecRef();
            if (text == null)
            {
                _error = Api.Heap.FetchError();
                return "";
            }

            return text;
        };
    }

    /// <summary>False with the first callback's exception set again, or true when none raised.</summary>
    public bool Finish()
    {
        if (_error.IsNull)
        {
            return true;
        }

        Api.Heap.RestoreError(_error);
        _error = PyRef.Null;
        return false;
    }
}
