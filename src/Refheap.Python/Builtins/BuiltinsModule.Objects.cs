using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary>The builtins about objects: len, repr, ascii, id, hash, callable, isinstance, issubclass, the attribute functions, vars, dir, format.</summary>
internal sealed partial class BuiltinsModule
{
    private PyRef Len(PyRef args, PyRef kwargs)
    {
        if (!One("len", args, kwargs, out var o))
        {
            return PyRef.Null;
        }

        var n = _api.Length(o);
        return n < 0 ? PyRef.Null : _api.NewInt(n);
    }

    private PyRef Repr(PyRef args, PyRef kwargs) => One("repr", args, kwargs, out var o) ? _api.ReprOf(o) : PyRef.Null;

    private PyRef Ascii(PyRef args, PyRef kwargs)
    {
        if (!One("ascii", args, kwargs, out var o))
        {
            return PyRef.Null;
        }

        var r = _api.ReprOf(o);
        return r.IsNull ? r : Drop(r, Text(ObjectApi.AsciiEscape(ObjectApi.StrText(r))));
    }

    private PyRef Id(PyRef args, PyRef kwargs) => One("id", args, kwargs, out var o) ? _api.NewInt(o.Address) : PyRef.Null;

    private PyRef Hash(PyRef args, PyRef kwargs)
    {
        if (!One("hash", args, kwargs, out var o))
        {
            return PyRef.Null;
        }

        var h = _api.Hash(o);
        return h == -1 && _api.ErrorOccurred ? PyRef.Null : _api.NewInt(h);
    }

    private PyRef Callable(PyRef args, PyRef kwargs) => One("callable", args, kwargs, out var o) ? _api.NewBool(_api.IsCallable(o)) : PyRef.Null;

    // 2.7's cmp(x, y): -1, 0 or 1 by ==, < and > in that order (try_rich_to_3way_compare).
    private PyRef Cmp(PyRef args, PyRef kwargs)
    {
        if (!Unpack("cmp", args, kwargs, 2, 2, out var a))
        {
            return PyRef.Null;
        }

        if (ObjectApi.IsClassicInstance(a[0]) || ObjectApi.IsClassicInstance(a[1]))
        {
            var c = _api.ClassicThreeWayCompare(a[0], a[1]);
            return c <= -2 ? PyRef.Null : _api.NewInt(c);
        }

        foreach (var (op, result) in new[] { (CompareOp.Eq, 0), (CompareOp.Lt, -1), (CompareOp.Gt, 1) })
        {
            var r = _api.RichCompareBool(a[0], a[1], op);
            if (r != 0)
            {
                return r < 0 ? PyRef.Null : _api.NewInt(result);
            }
        }

        return _api.NewInt(1);
    }

    private PyRef IsInstance(PyRef args, PyRef kwargs)
    {
        if (!Unpack("isinstance", args, kwargs, 2, 2, out var a))
        {
            return PyRef.Null;
        }

        var r = InstanceOf(a[0], a[1]);
        return r < 0 ? PyRef.Null : _api.NewBool(r == 1);
    }

    // isinstance's test against a class or a (nested) tuple of classes: 1, 0, or -1 with TypeError.
    private int InstanceOf(PyRef o, PyRef cls)
    {
        if (_api.IsClassicClass(cls))
        {
            return ObjectApi.IsClassicInstance(o) && ObjectApi.ClassicIsSubclass(ObjectApi.ClassicClassOf(o), cls) ? 1 : 0;
        }

        if (_api.IsType(cls))
        {
            if (o.Type != cls)
            {
                // Past its exact-type test, 2.7's PyObject_IsInstance binds type.__instancecheck__.
                _api.ModelSubclassCheck();
            }

            return ObjectApi.IsSubtype(o.Type, cls) ? 1 : 0;
        }

        if (_api.IsTuple(cls))
        {
            for (var i = 0; i < ObjectApi.TupleSize(cls); i++)
            {
                var r = InstanceOf(o, ObjectApi.TupleItem(cls, i));
                if (r != 0)
                {
                    return r;
                }
            }

            return 0;
        }

        _api.Raise("TypeError", Behaviour.Messages27
            ? "isinstance() arg 2 must be a class, type, or tuple of classes and types"
            : "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }

    private PyRef IsSubclass(PyRef args, PyRef kwargs)
    {
        if (!Unpack("issubclass", args, kwargs, 2, 2, out var a))
        {
            return PyRef.Null;
        }

        if (!_api.IsType(a[0]) && !_api.IsClassicClass(a[0]))
        {
            return _api.Raise("TypeError", "issubclass() arg 1 must be a class");
        }

        var r = SubclassOf(a[0], a[1]);
        return r < 0 ? PyRef.Null : _api.NewBool(r == 1);
    }

    private int SubclassOf(PyRef cls, PyRef of)
    {
        if (_api.IsClassicClass(of) || (_api.IsClassicClass(cls) && _api.IsType(of)))
        {
            // A classic class derives only from classic classes.
            return _api.IsClassicClass(of) && _api.IsClassicClass(cls) && ObjectApi.ClassicIsSubclass(cls, of) ? 1 : 0;
        }

        if (_api.IsType(of))
        {
            // 2.7's PyObject_IsSubclass binds type.__subclasscheck__.
            _api.ModelSubclassCheck();
            return ObjectApi.IsSubtype(cls, of) ? 1 : 0;
        }

        if (_api.IsTuple(of))
        {
            for (var i = 0; i < ObjectApi.TupleSize(of); i++)
            {
                var r = SubclassOf(cls, ObjectApi.TupleItem(of, i));
                if (r != 0)
                {
                    return r;
                }
            }

            return 0;
        }

        _api.Raise("TypeError", Behaviour.Messages27
            ? "issubclass() arg 2 must be a class or tuple of classes"
            : "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }

    // An attribute name argument: a str, else TypeError worded for the function.
    private bool CheckName(string function, PyRef name)
    {
        if (_api.IsStr(name))
        {
            return true;
        }

        _api.Raise("TypeError", Behaviour.Messages27
            ? function is "getattr" or "hasattr" ? $"{function}(): attribute name must be string" : "attribute name must be string"
            : $"attribute name must be string, not '{TypeName(name)}'");
        return false;
    }

    private PyRef GetAttr(PyRef args, PyRef kwargs)
    {
        if (!Unpack("getattr", args, kwargs, 2, 3, out var a) || !CheckName("getattr", a[1]))
        {
            return PyRef.Null;
        }

        if (a[2].IsNull)
        {
            return _api.GetAttr(a[0], a[1]);
        }

        var found = _api.LookupAttr(a[0], a[1], out var value);
        if (found <= 0)
        {
            // 2.7's PyErr_ExceptionMatches asks PyObject_IsSubclass, which binds a method.
            _api.ModelSubclassCheck();
        }

        return found == 0 ? a[2].NewRef() : value;
    }

    private PyRef HasAttr(PyRef args, PyRef kwargs)
    {
        if (!Unpack("hasattr", args, kwargs, 2, 2, out var a) || !CheckName("hasattr", a[1]))
        {
            return PyRef.Null;
        }

        var found = _api.LookupAttr(a[0], a[1], out var value);
        if (found > 0)
        {
            value.DecRef();
            return _api.NewBool(true);
        }

        _api.ModelSubclassCheck();
        if (found == 0 || (Behaviour.HasAttrSwallowsAllErrors && _api.ErrorIsException))
        {
            _api.ClearError();
            return _api.NewBool(false);
        }

        return PyRef.Null;
    }

    private PyRef SetAttr(PyRef args, PyRef kwargs)
    {
        if (!Unpack("setattr", args, kwargs, 3, 3, out var a) || !CheckName("setattr", a[1]))
        {
            return PyRef.Null;
        }

        // PyObject_SetAttr interns the name first.
        var name = _api.InternedAttributeName(a[1]);
        return name.IsNull || _api.SetAttr(a[0], name, a[2]) < 0 ? PyRef.Null : _api.None;
    }

    private PyRef DelAttr(PyRef args, PyRef kwargs)
    {
        if (!Unpack("delattr", args, kwargs, 2, 2, out var a) || !CheckName("delattr", a[1]))
        {
            return PyRef.Null;
        }

        var name = _api.InternedAttributeName(a[1]);
        return name.IsNull || _api.SetAttr(a[0], name, PyRef.Null) < 0 ? PyRef.Null : _api.None;
    }

    private PyRef Vars(PyRef args, PyRef kwargs)
    {
        if (!Unpack("vars", args, kwargs, 0, 1, out var a))
        {
            return PyRef.Null;
        }

        if (a[0].IsNull)
        {
            return _api.Raise("NotImplementedError", "Refheap does not support vars() without an argument outside a frame");
        }

        var dict = _api.GetAttr(a[0], _api.InternedName("__dict__"));
        if (dict.IsNull && _api.ErrorMatches("AttributeError"))
        {
            _api.ClearError();
            return _api.Raise("TypeError", "vars() argument must have __dict__ attribute");
        }

        return dict;
    }

    private PyRef Dir(PyRef args, PyRef kwargs)
    {
        if (!Unpack("dir", args, kwargs, 0, 1, out var a))
        {
            return PyRef.Null;
        }

        if (a[0].IsNull)
        {
            return _api.Raise("NotImplementedError", "Refheap does not support dir() without an argument outside a frame");
        }

        var names = ObjectApi.IsClassicInstance(a[0]) || _api.IsClassicClass(a[0]) ? _api.ClassicAttributeNames(a[0]) : _api.AttributeNames(a[0]);
        var items = new PyRef[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            items[i] = Text(names[i]);
            if (items[i].IsNull)
            {
                for (var j = 0; j < i; j++)
                {
                    items[j].DecRef();
                }

                return PyRef.Null;
            }
        }

        var list = _api.NewList(items);
        foreach (var item in items)
        {
            item.DecRef();
        }

        return list;
    }

    private PyRef Format(PyRef args, PyRef kwargs)
    {
        var n = ObjectApi.TupleSize(args);
        if (!NoKeywords("format", kwargs))
        {
            return PyRef.Null;
        }

        if (n < 1 || n > 2)
        {
            return _api.Raise("TypeError", Behaviour.Messages27
                ? $"format() takes at {(n < 1 ? "least" : "most")} {(n < 1 ? 1 : 2)} argument{(n < 1 ? "" : "s")} ({n} given)"
                : $"format expected at {(n < 1 ? "least" : "most")} {(n < 1 ? "1 argument" : "2 arguments")}, got {n}");
        }

        var spec = n == 2 ? ObjectApi.TupleItem(args, 1) : PyRef.Null;
        if (!spec.IsNull && !_api.IsStr(spec))
        {
            return _api.Raise("TypeError", Behaviour.Messages27
                ? $"format expects arg 2 to be string or unicode, not {TypeName(spec)}"
                : $"format() argument 2 must be str, not {TypeName(spec)}");
        }

        return _api.Format(ObjectApi.TupleItem(args, 0), spec.IsNull ? "" : ObjectApi.StrText(spec));
    }
}
