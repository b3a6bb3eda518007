using Refheap.Objects;
using Refheap.Python.Compiler;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    /// <summary>
    /// The class statement: runs the body function with a fresh namespace as its locals,
    /// then makes the class from it (the runtime's <c>type(name, bases, dict)</c>) and fills
    /// the body's <c>__class__</c> cell (3.x <c>super()</c>). 3.x's class keywords
    /// (<paramref name="keywords"/>, a dict or null) go to the base's <c>__init_subclass__</c>;
    /// a <c>metaclass</c> other than <c>type</c> is refused before the body runs, as CPython
    /// picks the metaclass first. New reference or null.
    /// </summary>
    private PyRef BuildClass(PyRef body, PyRef name, PyRef bases, PyRef globals, PyRef keywords)
    {
        var metaclass = keywords.IsNull ? PyRef.Null : _api.DictGetString(keywords, "metaclass");
        if (!metaclass.IsNull)
        {
            if (metaclass.Address != _api.Heap.TypeObjectOf(_api.Heap.Types.Type).Address)
            {
                var shown = _api.Str(metaclass) ?? ObjectApi.TypeName(metaclass);
                _api.ClearError();
                return RaiseUnsupported($"metaclasses other than type (metaclass={shown})");
            }

            _api.DictDelete(keywords, _api.Intern("metaclass"));
        }

        var code = ObjectApi.FunctionCode(body);
        var unit = (CodeUnit)_api.CodePayload(code);
        var ns = _api.Heap.NewDict();
        if (ns.IsNull)
        {
            return ns;
        }

        var frame = _api.NewFrame(code, ObjectApi.FunctionGlobals(body), _builtins, ns, _current, unit.SlotCount);
        if (frame.IsNull || !MakeCells(body, unit, ObjectApi.FrameSlots(frame)))
        {
            frame.XDecRef();
            ns.DecRef();
            return PyRef.Null;
        }

        var r = Execute(frame, PyRef.Null, false);
        frame.DecRef();
        if (r.IsNull)
        {
            ns.DecRef();
            return r;
        }

        r.DecRef();
        if (Py27 && !_api.DictGetString(ns, "__metaclass__").IsNull)
        {
            ns.DecRef();
            return RaiseUnsupported("__metaclass__");
        }

        if (Py27 && _api.HasClassicClasses && TryBuildClassicClass(name, bases, ns, globals, out var classic))
        {
            ns.DecRef();
            return classic;
        }

        var classCell = _api.DictGetString(ns, "__classcell__");
        if (!classCell.IsNull)
        {
            classCell.IncRef();
            _api.DictDelete(ns, _api.Intern("__classcell__"));
        }

        var module = _api.DictGetString(ns, "__module__");
        var moduleName = !module.IsNull && _api.IsStr(module) ? ObjectApi.StrText(module) : "__main__";
        for (var i = 0; i < ObjectApi.TupleSize(bases); i++)
        {
            if (!_api.IsType(ObjectApi.TupleItem(bases, i)))
            {
                ns.DecRef();
                classCell.XDecRef();
                return RaiseUnsupported($"class bases that are not classes ({ObjectApi.TypeName(ObjectApi.TupleItem(bases, i))})");
            }
        }

        var cls = _api.NewClassFromNamespace(ObjectApi.StrText(name), bases, ns, moduleName, keywords);
        ns.DecRef();
        if (cls.IsNull && Py27 && _api.ErrorMatches("TypeError"))
        {
            // 2.7's build_class puts this in front of a TypeError message from type().
            var (_, message, exception) = _api.Heap.TakeError();
            exception.DecRef();
            _api.Raise("TypeError", $"Error when calling the metaclass bases\n    {message}");
        }
        else if (cls.IsNull && _api.ErrorMatches("NotImplementedError"))
        {
            // The runtime's "(class C)" gains the program's line, as every construct Refheap does not run names it.
            var (_, message, exception) = _api.Heap.TakeError();
            exception.DecRef();
            var where = WhereRunning();
            _api.Raise("NotImplementedError", message.EndsWith(')') && where.Length > 0 ? $"{message[..^1]}, {where[2..]}" : message + where);
        }

        if (!classCell.IsNull)
        {
            if (!cls.IsNull)
            {
                ObjectApi.CellSet(classCell, cls);
            }

            classCell.DecRef();
        }

        return cls;
    }

    /// <summary>BeforeWith: the bound <c>__exit__</c> (out, new reference) and the result of <c>__enter__()</c>.</summary>
    private PyRef EnterContext(PyRef manager, out PyRef exit)
    {
        exit = PyRef.Null;
        if (ObjectApi.IsClassicInstance(manager))
        {
            return EnterClassicContext(manager, out exit);
        }

        var enterAttr = _api.LookupOnType(manager, "__enter__");
        var exitAttr = _api.LookupOnType(manager, "__exit__");
        if (enterAttr.IsNull || exitAttr.IsNull)
        {
            return Py27
                ? _api.Raise("AttributeError", exitAttr.IsNull ? "__exit__" : "__enter__")
                : _api.Raise("TypeError", $"'{ObjectApi.TypeName(manager)}' object does not support the context manager protocol");
        }

        exit = _api.DescriptorGet(exitAttr, manager, manager.Type);
        return exit.IsNull ? exit : CallEnter(_api.DescriptorGet(enterAttr, manager, manager.Type), ref exit);
    }

    /// <summary>
    /// Calls the bound <c>__enter__</c> (a new reference, consumed; null when getting it failed):
    /// its result, or null with <paramref name="exit"/> dropped and set to null.
    /// </summary>
    private PyRef CallEnter(PyRef enter, ref PyRef exit)
    {
        var r = enter.IsNull ? enter : CallValue(enter, [], default);
        enter.XDecRef();
        if (r.IsNull)
        {
            exit.DecRef();
            exit = PyRef.Null;
        }

        return r;
    }

    /// <summary>Calls <c>__exit__</c> with (None, None, None), or with the exception's type, value and traceback.</summary>
    private PyRef CallExit(PyRef exit, PyRef exception)
    {
        if (exception.IsNull)
        {
            var none = _api.NoneObject;
            return CallValue(exit, [none, none, none], default);
        }

        var tb = ObjectApi.ExceptionTraceback(exception);
        return CallValue(exit, [exception.Type, exception, tb.IsNull ? _api.NoneObject : tb], default);
    }
}
