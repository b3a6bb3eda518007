using Refheap.Objects;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    /// <summary>
    /// The end of a program, as CPython's finalization does it: a full collection (finalizers
    /// and weakref callbacks of garbage run now), then each module's dict is cleared —
    /// <c>__main__</c> first, then the others from the most recently imported — names starting
    /// with one underscore set to None first, then the rest, <c>__builtins__</c> kept
    /// (<c>_PyModule_Clear</c>), and a last collection for the cycles that leaves behind (in 2.7
    /// without finalizers, which CPython 2.7 never runs for them). The builtins module's dict is
    /// cleared last: 2.7 as the other modules' after sys's, 3.12 emptied after that collection;
    /// until then a <c>__del__</c> that runs finds its builtins.
    /// </summary>
    public void ModuleTeardown()
    {
        var saved = _heap.FetchError();
        saved.XDecRef();
        SetHandled(PyRef.Null);
        SetHandledTraceback(PyRef.Null);
        _runtime.Gc.Collect();
        ClearModule("__main__");
        for (var i = _importOrder.Count - 1; i >= 0; i--)
        {
            if (_importOrder[i] != "__main__" && _importOrder[i] != BuiltinsModuleName)
            {
                ClearModule(_importOrder[i]);
            }
        }

        if (Py27)
        {
            // PyImport_Cleanup clears __builtin__ after every other module, sys included.
            ClearModule(BuiltinsModuleName);
        }

        _api.DictClear(_modules);
        _importOrder.Clear();
        foreach (var copy in _extensionCopies)
        {
            copy.DecRef();
        }

        _extensionCopies.Clear();
        _heap.ClearError();

        // 2.7's Py_Finalize collects nothing after PyImport_Cleanup: what only a collection
        // would free now is freed without running Python code. 3.12 collects here, finalizers too.
        _heap.FinalizersSilenced = Py27;
        _runtime.Gc.Collect();

        // 3.12 empties the builtins dict once the modules' garbage is collected
        // (finalize_clear_sys_builtins_dict); what that frees is collected below.
        _api.DictClear(_builtins);
        _api.ReleaseProgramState();
        _runtime.Gc.Collect();
        _heap.FinalizersSilenced = false;
        _heap.ClearError();
    }

    private void ClearModule(string name)
    {
        var module = _api.DictGetString(_modules, name);
        if (module.IsNull || !_api.IsModule(module))
        {
            return;
        }

        module.IncRef();
        var dict = ObjectApi.ModuleDict(module);
        var keys = _api.DictItems(dict).Select(item => item.Key.NewRef()).ToList();
        foreach (var underscoreFirst in new[] { true, false })
        {
            foreach (var key in keys)
            {
                if (!_api.IsStr(key))
                {
                    continue;
                }

                var text = ObjectApi.StrText(key);
                var isUnderscore = text[0] == '_' && (text.Length == 1 || text[1] != '_');
                if (text == "__builtins__" || (underscoreFirst && !isUnderscore))
                {
                    continue;
                }

                var current = _api.DictGet(dict, key);
                if (current.IsNull || _api.IsNone(current))
                {
                    _heap.ClearError();
                    continue;
                }

                if (_api.DictSet(dict, key, _api.NoneObject) < 0)
                {
                    _heap.ClearError();
                }
            }
        }

        foreach (var key in keys)
        {
            key.DecRef();
        }

        _api.DictClear(dict);
        module.DecRef();
    }
}
