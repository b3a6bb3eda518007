using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary>Argument checks with CPython's messages (PyArg_UnpackTuple, METH_O, METH_NOARGS).</summary>
internal sealed partial class BuiltinsModule
{
    // A function that takes no keyword arguments; false with TypeError set when some were given.
    private bool NoKeywords(string name, PyRef kwargs)
    {
        if (_api.DictCount(kwargs) == 0)
        {
            return true;
        }

        _api.Raise("TypeError", $"{name}() takes no keyword arguments");
        return false;
    }

    // METH_O: exactly one positional argument.
    private bool One(string name, PyRef args, PyRef kwargs, out PyRef value)
    {
        value = PyRef.Null;
        if (!NoKeywords(name, kwargs))
        {
            return false;
        }

        var n = ObjectApi.TupleSize(args);
        if (n != 1)
        {
            _api.Raise("TypeError", $"{name}() takes exactly one argument ({n} given)");
            return false;
        }

        value = ObjectApi.TupleItem(args, 0);
        return true;
    }

    // PyArg_UnpackTuple: between min and max positional arguments (borrowed; missing ones null).
    private bool Unpack(string name, PyRef args, PyRef kwargs, int min, int max, out PyRef[] values)
    {
        values = [];
        if (!NoKeywords(name, kwargs))
        {
            return false;
        }

        return UnpackPositional(name, args, min, max, out values);
    }

    private bool UnpackPositional(string name, PyRef args, int min, int max, out PyRef[] values)
    {
        var n = ObjectApi.TupleSize(args);
        values = new PyRef[max];
        if (n < min || n > max)
        {
            var bound = n < min ? min : max;
            var qualifier = min == max ? "" : n < min ? "at least " : "at most ";
            var noun = Behaviour.Messages27 || bound != 1 ? "arguments" : "argument";
            _api.Raise("TypeError", $"{name} expected {qualifier}{bound} {noun}, got {n}");
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            values[i] = ObjectApi.TupleItem(args, i);
        }

        return true;
    }

    // Keyword arguments accepted by name; false with TypeError (worded per profile) on any other.
    private bool Keywords(string name, PyRef kwargs, string[] accepted, PyRef[] values, int firstIndex)
    {
        foreach (var (key, value) in _api.DictItems(kwargs))
        {
            var text = _api.IsStr(key) ? ObjectApi.StrText(key) : "";
            var i = Array.IndexOf(accepted, text);
            if (i < 0)
            {
                _api.Raise("TypeError", Behaviour.Messages27
                    ? $"'{text}' is an invalid keyword argument for this function"
                    : $"'{text}' is an invalid keyword argument for {name}()");
                return false;
            }

            values[firstIndex + i] = value;
        }

        return true;
    }

    // A new str, or null with MemoryError set.
    private PyRef Text(string text) => _api.NewString(text);

    // Returns `result` after dropping `owned` (a convenience for the many early exits).
    private static PyRef Drop(PyRef owned, PyRef result)
    {
        owned.XDecRef();
        return result;
    }

    // The type name of an object for messages.
    private static string TypeName(PyRef o) => o.Descriptor.Name;
}
