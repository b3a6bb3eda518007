using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary><c>print(*objects, sep=' ', end='\n', file=None, flush=False)</c> (2.7: without flush).</summary>
internal sealed partial class BuiltinsModule
{
    private PyRef Print(PyRef args, PyRef kwargs)
    {
        string[] accepted = Behaviour.Messages27 ? ["sep", "end", "file"] : ["sep", "end", "file", "flush"];
        var options = new PyRef[4];
        if (!Keywords("print", kwargs, accepted, options, 0))
        {
            return PyRef.Null;
        }

        string? sep = " ", end = "\n";
        if (!TextOption("sep", options[0], ref sep) || !TextOption("end", options[1], ref end))
        {
            return PyRef.Null;
        }

        var file = options[2].IsNull || _api.IsNone(options[2]) ? _host.SysStdout?.Invoke() ?? PyRef.Null : options[2];
        var n = ObjectApi.TupleSize(args);
        for (var i = 0; i < n; i++)
        {
            if ((i > 0 && !Write(file, sep!)) || !WriteObject(file, ObjectApi.TupleItem(args, i)))
            {
                return PyRef.Null;
            }
        }

        if (!Write(file, end!))
        {
            return PyRef.Null;
        }

        if (!options[3].IsNull)
        {
            var flush = _api.IsTrue(options[3]);
            if (flush < 0 || (flush == 1 && !Flush(file)))
            {
                return PyRef.Null;
            }
        }

        return _api.None;
    }

    // sep and end: None (the default) or a str.
    private bool TextOption(string name, PyRef value, ref string? text)
    {
        if (value.IsNull || _api.IsNone(value))
        {
            return true;
        }

        if (!_api.IsStr(value))
        {
            _api.Raise("TypeError", Behaviour.Messages27
                ? $"{name} must be None, str or unicode, not {TypeName(value)}"
                : $"{name} must be None or a string, not {TypeName(value)}");
            return false;
        }

        text = ObjectApi.StrText(value);
        return true;
    }

    private bool WriteObject(PyRef file, PyRef o)
    {
        var s = _api.StrOf(o);
        if (s.IsNull)
        {
            return false;
        }

        var ok = file.IsNull ? WriteHost(ObjectApi.StrText(s)) : CallMethod(file, "write", s);
        s.DecRef();
        return ok;
    }

    private bool Write(PyRef file, string text)
    {
        if (file.IsNull)
        {
            return WriteHost(text);
        }

        var s = Text(text);
        if (s.IsNull)
        {
            return false;
        }

        var ok = CallMethod(file, "write", s);
        s.DecRef();
        return ok;
    }

    private bool WriteHost(string text)
    {
        _host.Stdout.Write(text);
        return true;
    }

    private bool Flush(PyRef file)
    {
        if (file.IsNull)
        {
            _host.Stdout.Flush();
            return true;
        }

        return CallMethod(file, "flush");
    }

    // file.method(*args), the result dropped.
    private bool CallMethod(PyRef o, string name, params ReadOnlySpan<PyRef> args)
    {
        var method = _api.GetAttr(o, _api.InternedName(name));
        if (method.IsNull)
        {
            return false;
        }

        var r = _api.Call(method, args);
        method.DecRef();
        r.XDecRef();
        return !r.IsNull;
    }
}
