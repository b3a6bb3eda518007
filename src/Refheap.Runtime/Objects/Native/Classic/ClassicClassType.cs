using System.Runtime.InteropServices;
using Refheap.Objects.Native.Method;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Classic;

/// <summary>
/// <c>classobj</c>: 2.7's classic class (Objects/classobject.c), what <c>class B:</c> makes in
/// 2.7. Its attributes are looked up depth first through its bases; a function found on it
/// reads as an unbound method; calling it makes an <c>instance</c>.
/// </summary>
/// <remarks>
/// Tracked, weak-referenceable, and without a clear function, as CPython's: a cycle through a
/// class is broken through its dict. Invariant of every cast to <see cref="PyClassicClassObject"/>
/// here: the object is a classobj (the slots are called on this type's objects; the static
/// helpers are given a class that <see cref="IsClass"/> accepted, a base from a class's
/// bases, which PyClass_New and <c>__bases__</c> stores check, or an instance's class).
/// </remarks>
internal sealed unsafe class ClassicClassType : TypeDescriptor
{
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyClassicClassObject>(nameof(PyClassicClassObject.WeakList));

    /// <summary>Creates the descriptor.</summary>
    public ClassicClassType(Heap heap)
        : base(heap, "classobj")
    {
    }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <inheritdoc/>
    public override int WeakListOffset => s_weakListOffset;

    /// <summary>Whether <paramref name="o"/> is a classic class.</summary>
    public bool IsClass(PyObject* o) => o->Type == TypeObject;

    /// <summary>The class's dict, borrowed.</summary>
    public static PyObject* DictOf(PyObject* cls) => ((PyClassicClassObject*)cls)->Dict;

    /// <summary>The class's bases (a tuple), borrowed.</summary>
    public static PyObject* BasesOf(PyObject* cls) => ((PyClassicClassObject*)cls)->Bases;

    /// <summary>The class's name.</summary>
    public static string NameOf(PyObject* cls) => StrType.AsString(((PyClassicClassObject*)cls)->Name);

    /// <summary>The class's cached <c>__getattr__</c>, <c>__setattr__</c> or <c>__delattr__</c>, borrowed, or null.</summary>
    public static PyObject* GetAttrHookOf(PyObject* cls) => ((PyClassicClassObject*)cls)->GetAttrHook;

    /// <inheritdoc cref="GetAttrHookOf"/>
    public static PyObject* SetAttrHookOf(PyObject* cls) => ((PyClassicClassObject*)cls)->SetAttrHook;

    /// <inheritdoc cref="GetAttrHookOf"/>
    public static PyObject* DelAttrHookOf(PyObject* cls) => ((PyClassicClassObject*)cls)->DelAttrHook;

    /// <summary>
    /// PyClass_New: a new reference to a class named <paramref name="name"/> (a str) with
    /// <paramref name="bases"/> (a tuple of classic classes) and <paramref name="dict"/> (kept,
    /// not copied; <c>__doc__</c> is set to None when absent and <c>__module__</c> to
    /// <paramref name="module"/>), or null with the error set. All three are borrowed.
    /// </summary>
    public PyRef New(PyObject* name, PyObject* bases, PyObject* dict, string module)
    {
        if (!Heap.IsInstance(name, Heap.Types.Str))
        {
            return Heap.RaiseTypeError("PyClass_New: name must be a string");
        }

        if (!Heap.IsDict(dict))
        {
            return Heap.RaiseTypeError("PyClass_New: dict must be a dictionary");
        }

        if (!Heap.IsInstance(bases, Heap.Types.Tuple))
        {
            return Heap.RaiseTypeError("PyClass_New: bases must be a tuple");
        }

        for (nint i = 0; i < TupleType.Size(bases); i++)
        {
            if (!IsClass(TupleType.Item(bases, i)))
            {
                return Heap.RaiseTypeError("PyClass_New: base must be a class");
            }
        }

        if (SetDefault(dict, "__doc__", Heap.NoneObject) < 0)
        {
            return PyRef.Null;
        }

        var moduleName = Heap.NewString(module);
        if (moduleName.IsNull)
        {
            return moduleName;
        }

        var status = SetDefault(dict, "__module__", moduleName.Ptr);
        moduleName.DecRef();
        if (status < 0)
        {
            return PyRef.Null;
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PyClassicClassObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var c = (PyClassicClassObject*)o;
        Heap.IncRef(bases);
        c->Bases = bases;
        Heap.IncRef(dict);
        c->Dict = dict;
        Heap.IncRef(name);
        c->Name = name;
        c->GetAttrHook = c->SetAttrHook = c->DelAttrHook = c->WeakList = null;
        UpdateHooks(o);
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    private int SetDefault(PyObject* dict, string key, PyObject* value)
    {
        var k = Heap.InternString(key);
        if (k.IsNull)
        {
            return -1;
        }

        return Heap.Types.Dict.GetItem(dict, k.Ptr) != null ? 0 : Heap.Types.Dict.SetItem(dict, k.Ptr, value);
    }

    /// <summary>Finds <c>__getattr__</c>, <c>__setattr__</c> and <c>__delattr__</c> through the class and its bases again (set_attr_slots).</summary>
    private void UpdateHooks(PyObject* cls)
    {
        var c = (PyClassicClassObject*)cls;
        Heap.SetRef(ref c->GetAttrHook, FindNew(cls, "__getattr__"));
        Heap.SetRef(ref c->SetAttrHook, FindNew(cls, "__setattr__"));
        Heap.SetRef(ref c->DelAttrHook, FindNew(cls, "__delattr__"));
    }

    private PyObject* FindNew(PyObject* cls, string name)
    {
        var n = Heap.InternString(name);
        var v = n.IsNull ? null : Lookup(cls, n.Ptr, out _);
        Heap.XIncRef(v);
        return v;
    }

    /// <summary>
    /// class_lookup: <paramref name="name"/> in the class's dict, else in each base's, depth
    /// first, left to right. Borrowed, or null (no error is set); <paramref name="foundIn"/> is
    /// the class whose dict held it.
    /// </summary>
    public PyObject* Lookup(PyObject* cls, PyObject* name, out PyObject* foundIn)
    {
        var c = (PyClassicClassObject*)cls;
        var v = Heap.Types.Dict.GetItem(c->Dict, name);
        if (v != null)
        {
            foundIn = cls;
            return v;
        }

        for (nint i = 0; i < TupleType.Size(c->Bases); i++)
        {
            v = Lookup(TupleType.Item(c->Bases, i), name, out foundIn);
            if (v != null)
            {
                return v;
            }
        }

        foundIn = null;
        return null;
    }

    /// <summary>PyClass_IsSubclass: whether <paramref name="cls"/> is <paramref name="of"/> or derives from it through classic bases.</summary>
    public static bool IsSubclass(PyObject* cls, PyObject* of)
    {
        if (cls == of)
        {
            return true;
        }

        var bases = ((PyClassicClassObject*)cls)->Bases;
        for (nint i = 0; i < TupleType.Size(bases); i++)
        {
            if (IsSubclass(TupleType.Item(bases, i), of))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What an attribute found on a class gives when read through it (<paramref name="instance"/>
    /// null) or through an instance of it: a function becomes an unbound or bound method with
    /// the class as <c>im_class</c>; staticmethod, classmethod and property bind as their
    /// descriptor protocol says; anything else is itself. New reference or null.
    /// </summary>
    public PyRef Bind(PyObject* value, PyObject* instance, PyObject* cls)
    {
        if (value->Type == Heap.Types.PythonFunction.TypeObject)
        {
            return Heap.Types.Method.New(value, instance, cls);
        }

        if (value->Type->Descriptor is WrapperType)
        {
            // The wrappers use the owner only as an object to bind to (classmethod).
            return value->Type->Descriptor.DescriptorGet(value, instance, (PyTypeObject*)cls);
        }

        return new PyRef(value).NewRef();
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyClassicClassObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var c = (PyClassicClassObject*)self;
        Heap.Gc.Untrack(self);
        Heap.ClearWeakReferences(self);
        Heap.ClearRef(ref c->Bases);
        Heap.ClearRef(ref c->Dict);
        Heap.ClearRef(ref c->Name);
        Heap.ClearRef(ref c->GetAttrHook);
        Heap.ClearRef(ref c->SetAttrHook);
        Heap.ClearRef(ref c->DelAttrHook);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var c = (PyClassicClassObject*)self;
        int r;
        if ((c->Bases != null && (r = visit(c->Bases, arg)) != 0)
            || (c->Dict != null && (r = visit(c->Dict, arg)) != 0)
            || (c->Name != null && (r = visit(c->Name, arg)) != 0)
            || (c->GetAttrHook != null && (r = visit(c->GetAttrHook, arg)) != 0)
            || (c->SetAttrHook != null && (r = visit(c->SetAttrHook, arg)) != 0))
        {
            return r;
        }

        return c->DelAttrHook != null ? visit(c->DelAttrHook, arg) : 0;
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) => Heap.NewString($"<class {ModuleOf(self) ?? "?"}.{NameOf(self)} at 0x{(nint)self:x}>");

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self)
    {
        var module = ModuleOf(self);
        return Heap.NewString(module == null ? NameOf(self) : $"{module}.{NameOf(self)}");
    }

    /// <summary>The class dict's <c>__module__</c> when it is a str, else null.</summary>
    private string? ModuleOf(PyObject* cls)
    {
        var key = Heap.InternString("__module__");
        var module = key.IsNull ? null : Heap.Types.Dict.GetItem(DictOf(cls), key.Ptr);
        return module != null && Heap.IsInstance(module, Heap.Types.Str) ? StrType.AsString(module) : null;
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var c = (PyClassicClassObject*)self;
        switch (StrType.AsSpan(name))
        {
            case "__dict__":
                return new PyRef(c->Dict).NewRef();
            case "__bases__":
                return new PyRef(c->Bases).NewRef();
            case "__name__":
                return new PyRef(c->Name).NewRef();
        }

        var value = Lookup(self, name, out _);
        if (value == null)
        {
            return Heap.Raise(Heap.Types.Exceptions.AttributeError, $"class {NameOf(self)} has no attribute '{StrType.AsString(name)}'");
        }

        return Bind(value, null, self);
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        var c = (PyClassicClassObject*)self;
        var text = StrType.AsString(name);
        switch (text)
        {
            case "__dict__":
                if (value == null || !Heap.IsDict(value))
                {
                    Heap.RaiseTypeError("__dict__ must be a dictionary object");
                    return -1;
                }

                Heap.IncRef(value);
                Heap.SetRef(ref c->Dict, value);
                UpdateHooks(self);
                return 0;
            case "__bases__":
                return SetBases(self, value);
            case "__name__":
                if (value == null || !Heap.IsInstance(value, Heap.Types.Str))
                {
                    Heap.RaiseTypeError("__name__ must be a string object");
                    return -1;
                }

                Heap.IncRef(value);
                Heap.SetRef(ref c->Name, value);
                return 0;
        }

        int status;
        if (value == null)
        {
            status = Heap.Types.Dict.DelItem(c->Dict, name);
            if (status < 0 && Heap.ErrorMatches(Heap.Types.Exceptions.KeyError))
            {
                Heap.ClearError();
                Heap.Raise(Heap.Types.Exceptions.AttributeError, $"class {NameOf(self)} has no attribute '{text}'");
            }
        }
        else
        {
            status = Heap.Types.Dict.SetItem(c->Dict, name, value);
        }

        if (status == 0 && text is "__getattr__" or "__setattr__" or "__delattr__")
        {
            UpdateHooks(self);
        }

        return status;
    }

    private int SetBases(PyObject* self, PyObject* value)
    {
        if (value == null || !Heap.IsInstance(value, Heap.Types.Tuple))
        {
            Heap.RaiseTypeError("__bases__ must be a tuple object");
            return -1;
        }

        for (nint i = 0; i < TupleType.Size(value); i++)
        {
            var b = TupleType.Item(value, i);
            if (!IsClass(b))
            {
                Heap.RaiseTypeError("__bases__ items must be classes");
                return -1;
            }

            if (IsSubclass(b, self))
            {
                Heap.RaiseTypeError("a __bases__ item causes an inheritance cycle");
                return -1;
            }
        }

        Heap.IncRef(value);
        Heap.SetRef(ref ((PyClassicClassObject*)self)->Bases, value);
        UpdateHooks(self);
        return 0;
    }

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self) => true;

    /// <inheritdoc/>
    /// <remarks>PyInstance_New: an instance with an empty dict, then its <c>__init__</c> (found without <c>__getattr__</c>).</remarks>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs) => Heap.Types.Classic!.Instance.Construct(self, args, kwargs);
}
