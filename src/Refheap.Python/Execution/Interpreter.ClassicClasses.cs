using Refheap.Objects;

namespace Refheap.Python.Execution;

/// <summary>2.7's classic classes: which class statements make them (build_class's choice of metaclass).</summary>
internal sealed partial class Interpreter
{
    /// <summary>
    /// 2.7's build_class once the body has run, when the class is not new-style: without bases
    /// (and no module-level <c>__metaclass__</c>) or with a classic first base, the metaclass is
    /// <c>classobj</c>. Returns false (nothing done) for a new-style class; otherwise
    /// <paramref name="cls"/> is the new classic class, or null with the error set.
    /// </summary>
    private bool TryBuildClassicClass(PyRef name, PyRef bases, PyRef ns, PyRef globals, out PyRef cls)
    {
        cls = PyRef.Null;
        var count = ObjectApi.TupleSize(bases);
        if (count == 0)
        {
            var metaclass = _api.DictGetString(globals, "__metaclass__");
            if (!metaclass.IsNull)
            {
                if (_api.IsTypeType(metaclass))
                {
                    return false;
                }

                cls = RaiseUnsupported("__metaclass__");
                return true;
            }
        }
        else if (!_api.IsClassicClass(ObjectApi.TupleItem(bases, 0)))
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!_api.IsClassicClass(ObjectApi.TupleItem(bases, i)))
            {
                // PyClass_New would hand the class to the new-style base's type: a new-style class with a classic base.
                cls = RaiseUnsupported("classes with both classic and new-style bases");
                return true;
            }
        }

        var module = _api.DictGetString(ns, "__module__");
        if (module.IsNull || !_api.IsStr(module))
        {
            module = _api.DictGetString(globals, "__name__");
        }

        cls = _api.NewClassicClass(name, bases, ns, !module.IsNull && _api.IsStr(module) ? ObjectApi.StrText(module) : "__main__");
        return true;
    }

    /// <summary>
    /// <c>with</c> on a classic instance: 2.7 finds <c>__exit__</c> and <c>__enter__</c> as any
    /// attribute of the instance (special_lookup), so a missing one is its AttributeError.
    /// Returns the result of <c>__enter__()</c> and the bound <c>__exit__</c> (out), new references, or null.
    /// </summary>
    private PyRef EnterClassicContext(PyRef manager, out PyRef exit)
    {
        exit = _api.GetAttr(manager, "__exit__");
        return exit.IsNull ? exit : CallEnter(_api.GetAttr(manager, "__enter__"), ref exit);
    }
}
