using System.Runtime.InteropServices;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Function;

/// <summary>
/// <c>function</c>: a function defined in Python. Tracked (a function and its globals, or a
/// closure cell holding it, form cycles); reading one through an instance binds it
/// (a bound method). Calling it runs the front end's <see cref="Invoker"/>.
/// </summary>
internal sealed unsafe class PythonFunctionType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public PythonFunctionType(Heap heap)
        : base(heap, "function")
    {
        _block = heap.Profile.Layouts.BlockSize(heap.Profile.Layouts.FunctionSize, sizeof(PyFunctionObject));
    }

    // CPython's block size less the GC header: never fewer bytes than PyFunctionObject.
    private readonly nuint _block;

    /// <summary>What runs a function's code; installed by the front end, null until then.</summary>
    public PythonFunctionInvoker? Invoker { get; set; }

    /// <inheritdoc/>
    public override bool IsGc => true;

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyFunctionObject>(nameof(PyFunctionObject.WeakList));

    /// <inheritdoc/>
    public override int WeakListOffset => s_weakListOffset;

    /// <summary>A new function of <paramref name="code"/> with <paramref name="globals"/> (both borrowed); the other slots start empty.</summary>
    public PyRef New(PyObject* code, PyObject* globals, PyObject* name, PyObject* qualName)
    {
        var o = Heap.AllocObject(this, _block);
        if (o == null)
        {
            return PyRef.Null;
        }

        var f = (PyFunctionObject*)o;
        Heap.IncRef(code);
        f->Code = code;
        Heap.IncRef(globals);
        f->Globals = globals;
        Heap.IncRef(name);
        f->Name = name;
        Heap.IncRef(qualName);
        f->QualName = qualName;
        var module = Heap.Types.Dict.GetItemString(globals, "__name__");
        Heap.XIncRef(module);
        f->Module = module;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>The function's slots.</summary>
    public static PyFunctionObject* Fields(PyObject* f) => (PyFunctionObject*)f;

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)Heap.Profile.Layouts.FunctionSize;

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Heap.ClearWeakReferences(self);
        ReleaseAll((PyFunctionObject*)self);
        Heap.FreeObject(self, this, _block);
    }

    private static void ReleaseAll(PyFunctionObject* f)
    {
        Heap.ClearRef(ref f->Code);
        Heap.ClearRef(ref f->Globals);
        Heap.ClearRef(ref f->Name);
        Heap.ClearRef(ref f->QualName);
        ClearCycleSlots(f);
    }

    private static void ClearCycleSlots(PyFunctionObject* f)
    {
        Heap.ClearRef(ref f->Defaults);
        Heap.ClearRef(ref f->KwDefaults);
        Heap.ClearRef(ref f->Closure);
        Heap.ClearRef(ref f->Module);
        Heap.ClearRef(ref f->Doc);
        Heap.ClearRef(ref f->Dict);
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var f = (PyFunctionObject*)self;
        var slots = stackalloc PyObject*[] { f->Code, f->Globals, f->Defaults, f->KwDefaults, f->Closure, f->Name, f->QualName, f->Module, f->Doc, f->Dict };
        for (var i = 0; i < 10; i++)
        {
            if (slots[i] != null)
            {
                var r = visit(slots[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    /// <remarks>As func_clear: the globals stay until dealloc (so a finalizer still running sees them), the rest goes.</remarks>
    public override void Clear(PyObject* self) => ClearCycleSlots((PyFunctionObject*)self);

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self) => true;

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs)
    {
        if (Invoker == null)
        {
            return Heap.Raise(Heap.Types.Exceptions.SystemError, "no evaluator is installed to run Python functions");
        }

        return Invoker(new PyRef(self), new PyRef(args), new PyRef(kwargs));
    }

    /// <inheritdoc/>
    /// <remarks>2.7: read through the class it gives an unbound method (a new object each time, as CPython 2.7's).</remarks>
    public override PyRef DescriptorGet(PyObject* self, PyObject* instance, PyTypeObject* owner) =>
        instance != null ? Heap.Types.Method.New(self, instance)
        : owner != null && Heap.Profile.IntPromotesToLong ? Heap.Types.Method.New(self, null, (PyObject*)owner)
        : new PyRef(self).NewRef();

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var f = (PyFunctionObject*)self;
        var text = MemberName(name);
        var py27 = Heap.Profile.IntPromotesToLong;
        switch (text)
        {
            case "__name__" or "func_name":
                return new PyRef(f->Name).NewRef();
            case "__qualname__" when !py27:
                return new PyRef(f->QualName).NewRef();
            case "__code__" or "func_code":
                return new PyRef(f->Code).NewRef();
            case "__globals__" or "func_globals":
                return new PyRef(f->Globals).NewRef();
            case "__defaults__" or "func_defaults":
                return OrNone(f->Defaults);
            case "__closure__" or "func_closure":
                return OrNone(f->Closure);
            case "__doc__" or "func_doc":
                return OrNone(f->Doc);
            case "__module__":
                return OrNone(f->Module);
            case "__kwdefaults__" when !py27:
                return OrNone(f->KwDefaults);
            case "__dict__" or "func_dict":
                return EnsureDict(f);
        }

        if (f->Dict != null)
        {
            var value = Heap.Types.Dict.GetItem(f->Dict, name);
            if (value != null)
            {
                return new PyRef(value).NewRef();
            }
        }

        return base.GetAttr(self, name);
    }

    /// <summary>
    /// The name as the function's members know it: 3.x has no <c>func_*</c> aliases, so there
    /// such a name is an ordinary attribute (empty here: no member matches it).
    /// </summary>
    private ReadOnlySpan<char> MemberName(PyObject* name)
    {
        var text = StrType.AsSpan(name);
        return !Heap.Profile.IntPromotesToLong && text.StartsWith("func_") ? [] : text;
    }

    private PyRef OrNone(PyObject* o) => o != null ? new PyRef(o).NewRef() : Heap.None;

    private PyRef EnsureDict(PyFunctionObject* f)
    {
        if (f->Dict == null)
        {
            var d = Heap.NewDict();
            if (d.IsNull)
            {
                return d;
            }

            f->Dict = d.Ptr;
        }

        return new PyRef(f->Dict).NewRef();
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        var f = (PyFunctionObject*)self;
        var text = MemberName(name);
        switch (text)
        {
            case "__doc__" or "func_doc":
                Heap.XIncRef(value);
                Heap.SetRef(ref f->Doc, value == Heap.NoneObject ? null : value);
                if (value == Heap.NoneObject)
                {
                    Heap.DecRef(value);
                }

                return 0;
            case "__defaults__" or "func_defaults":
                Heap.XIncRef(value);
                Heap.SetRef(ref f->Defaults, value == Heap.NoneObject ? null : value);
                if (value == Heap.NoneObject)
                {
                    Heap.DecRef(value);
                }

                return 0;
            case "__name__" or "func_name":
                return SetText(ref f->Name, value, "__name__"); // 2.7 names __name__ for func_name too
            case "__qualname__" when !Heap.Profile.IntPromotesToLong:
                return SetText(ref f->QualName, value, "__qualname__");
            case "__module__":
                // Any object, as func_set_module... through the function's member.
                Heap.XIncRef(value);
                Heap.SetRef(ref f->Module, value);
                return 0;
            case "__kwdefaults__" when !Heap.Profile.IntPromotesToLong:
                if (value != null && value != Heap.NoneObject && !Heap.IsInstance(value, Heap.Types.Dict))
                {
                    Heap.RaiseTypeError("__kwdefaults__ must be set to a dict object");
                    return -1;
                }

                var kwdefaults = value == Heap.NoneObject ? null : value;
                Heap.XIncRef(kwdefaults);
                Heap.SetRef(ref f->KwDefaults, kwdefaults);
                return 0;
            case "__dict__" or "func_dict":
                if (value == null || !Heap.IsInstance(value, Heap.Types.Dict))
                {
                    Heap.RaiseTypeError(Heap.Profile.IntPromotesToLong
                        ? value == null ? "function's dictionary may not be deleted" : "setting function's dictionary to a non-dict"
                        : value == null ? "cannot delete __dict__" : $"__dict__ must be set to a dictionary, not a '{value->Type->Descriptor.Name}'");
                    return -1;
                }

                Heap.IncRef(value);
                Heap.SetRef(ref f->Dict, value);
                return 0;
            case "__code__" or "func_code" or "__globals__" or "func_globals" or "__closure__" or "func_closure":
                if (text.StartsWith("__code") && value != null)
                {
                    Heap.Raise(Heap.Types.Exceptions.NotImplementedError, "Refheap does not support replacing a function's code");
                    return -1;
                }

                // A read-only member: 2.7 says so with a TypeError, 3.12 with an AttributeError.
                Heap.Raise(Heap.Profile.IntPromotesToLong ? Heap.Types.Exceptions.TypeError : Heap.Types.Exceptions.AttributeError, "readonly attribute");
                return -1;
        }

        var hadDict = f->Dict != null;
        var dict = EnsureDict(f);
        if (dict.IsNull)
        {
            return -1;
        }

        dict.DecRef();
        if (value != null)
        {
            return Heap.Types.Dict.SetItem(f->Dict, name, value);
        }

        if (Heap.Types.Dict.DelItem(f->Dict, name) < 0)
        {
            Heap.ClearError();
            if (hadDict && Heap.Profile.IntPromotesToLong)
            {
                // 2.7 turns the dict's KeyError into AttributeError(name); 3.x words it.
                Heap.Raise(Heap.Types.Exceptions.AttributeError, StrType.AsString(name));
            }
            else
            {
                Heap.RaiseNoAttribute(self, name);
            }

            return -1;
        }

        return 0;
    }

    /// <summary>Stores a str attribute (<c>__name__</c>, <c>__qualname__</c>): 0, or -1 with CPython's TypeError for anything else or a deletion.</summary>
    private int SetText(ref PyObject* slot, PyObject* value, string what)
    {
        if (value == null || !Heap.IsInstance(value, Heap.Types.Str))
        {
            Heap.RaiseTypeError($"{what} must be set to a string object");
            return -1;
        }

        Heap.IncRef(value);
        Heap.SetRef(ref slot, value);
        return 0;
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var f = (PyFunctionObject*)self;
        var name = StrType.AsString(Heap.Profile.IntPromotesToLong ? f->Name : f->QualName);
        return Heap.NewString($"<function {name} at 0x{(nint)self:x}>");
    }
}
