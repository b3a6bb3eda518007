using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Method;

/// <summary>
/// <c>classmethod</c>, <c>staticmethod</c>, <c>property</c>, <c>super</c> and
/// <c>functools.partial</c>: small tracked objects that wrap callables and change how they
/// are found through a class or called. One descriptor per kind.
/// </summary>
internal sealed unsafe class WrapperType : TypeDescriptor
{
    /// <summary>Creates the descriptor of <paramref name="kind"/>.</summary>
    public WrapperType(Heap heap, WrapperKind kind)
        : base(heap, kind switch
        {
            WrapperKind.ClassMethod => "classmethod",
            WrapperKind.StaticMethod => "staticmethod",
            WrapperKind.Property => "property",
            WrapperKind.Super => "super",
            _ => heap.Profile.IntPromotesToLong ? "functools.partial" : "partial",
        })
    {
        Kind = kind;
        var layouts = heap.Profile.Layouts;
        (_size, _ownedSlots) = kind switch
        {
            WrapperKind.ClassMethod or WrapperKind.StaticMethod => (layouts.ClassMethodSize, 2),
            WrapperKind.Property => (layouts.PropertySize, 5),
            WrapperKind.Super => (layouts.SuperSize, 3),
            _ => (layouts.PartialSize, 4),
        };

        // Partial's weak list follows its owned slots.
        var fieldsSize = sizeof(PyObject) + (sizeof(nint) * (kind == WrapperKind.Partial ? 5 : _ownedSlots));
        _block = layouts.BlockSize(_size, fieldsSize);
    }

    // CPython's size of the kind (sys.getsizeof less the GC header) and the block allocated:
    // at least the slots the kind uses (see PyWrapperObject), which are the first _ownedSlots.
    private readonly int _size;
    private readonly int _ownedSlots;
    private readonly nuint _block;

    /// <summary>Which wrapper.</summary>
    public WrapperKind Kind { get; }

    /// <inheritdoc/>
    public override string QualifiedName => Kind == WrapperKind.Partial ? "functools.partial" : Name;

    /// <inheritdoc/>
    public override bool IsGc => true;

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyWrapperObject>(nameof(PyWrapperObject.Fifth));

    /// <inheritdoc/>
    /// <remarks>Of the kinds, only partial has a weak-reference list, in both CPythons: <c>weakref.ref(property())</c> is a TypeError.</remarks>
    public override int WeakListOffset => Kind == WrapperKind.Partial ? s_weakListOffset : 0;

    /// <summary>A new wrapper holding the given objects (borrowed; any may be null).</summary>
    public PyRef New(PyObject* first, PyObject* second, PyObject* third, PyObject* fourth)
    {
        var o = Heap.AllocObject(this, _block);
        if (o == null)
        {
            return PyRef.Null;
        }

        // Invariant: only the kind's own slots are in its block (classmethod/staticmethod: the
        // function and the dict, which starts empty; super: three), so only those are written.
        Debug.Assert(Kind == WrapperKind.Property || fourth == null, "only a property is given a fourth object (partial's dict starts empty)");
        Debug.Assert(Kind is not (WrapperKind.ClassMethod or WrapperKind.StaticMethod) || (second == null && third == null), "classmethod/staticmethod hold one object");
        var slots = &((PyWrapperObject*)o)->First;
        PyObject** given = stackalloc PyObject*[] { first, second, third, fourth };
        for (var i = 0; i < Math.Min(_ownedSlots, 4); i++)
        {
            Heap.XIncRef(given[i]);
            slots[i] = given[i];
        }

        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>The wrapper's slots.</summary>
    public static PyWrapperObject* Fields(PyObject* o) => (PyWrapperObject*)o;

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)_size;

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Heap.ClearWeakReferences(self);
        Clear(self);
        Heap.FreeObject(self, this, _block);
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var slots = &((PyWrapperObject*)self)->First;
        if (Kind == WrapperKind.Super)
        {
            // super_traverse: the object first, then the class and the object's type.
            var r = slots[1] != null ? visit(slots[1], arg) : 0;
            r = r == 0 && slots[0] != null ? visit(slots[0], arg) : r;
            return r == 0 && slots[2] != null ? visit(slots[2], arg) : r;
        }

        // Invariant: the block holds at least _ownedSlots slots after the header (the constructor sized it).
        for (var i = 0; i < _ownedSlots; i++)
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
    public override void Clear(PyObject* self)
    {
        // Invariant: as in Traverse, the first _ownedSlots slots are in the block and owned.
        var slots = &((PyWrapperObject*)self)->First;
        for (var i = 0; i < _ownedSlots; i++)
        {
            Heap.ClearRef(ref slots[i]);
        }
    }

    /// <summary>
    /// The slot of the object's attribute dict, or null for a kind without one (property,
    /// super, 2.7's classmethod and staticmethod).
    /// </summary>
    private PyObject** DictSlot(PyWrapperObject* w) => Kind switch
    {
        WrapperKind.ClassMethod or WrapperKind.StaticMethod when Heap.Profile.Layouts.ClassMethodsWrapFunction => &w->Second,
        WrapperKind.Partial => &w->Fourth,
        _ => null,
    };

    /// <inheritdoc/>
    public override bool IsDataDescriptor => Kind == WrapperKind.Property;

    /// <inheritdoc/>
    public override PyRef DescriptorGet(PyObject* self, PyObject* instance, PyTypeObject* owner)
    {
        var w = (PyWrapperObject*)self;
        switch (Kind)
        {
            case WrapperKind.StaticMethod:
                return new PyRef(w->First).NewRef();
            case WrapperKind.ClassMethod:
                var cls = owner != null ? (PyObject*)owner : (PyObject*)instance->Type;
                return Heap.Types.Method.New(w->First, cls);
            case WrapperKind.Property:
                if (instance == null)
                {
                    return new PyRef(self).NewRef();
                }

                if (w->First == null)
                {
                    return RaiseMissingAccessor(w, instance, "getter", "unreadable attribute");
                }

                // property_descr_get: 2.7 builds a 1-tuple, 3.12 calls with one argument (PyObject_CallOneArg).
                return Heap.CallVector(w->First, [new PyRef(instance)]);
            default:
                return new PyRef(self).NewRef();
        }
    }

    /// <inheritdoc/>
    public override int DescriptorSet(PyObject* self, PyObject* instance, PyObject* value)
    {
        if (Kind != WrapperKind.Property)
        {
            // Only a property has fset and fdel (the other kinds' blocks may end before them).
            return base.DescriptorSet(self, instance, value);
        }

        var w = (PyWrapperObject*)self;
        var f = value == null ? w->Third : w->Second;
        if (f == null)
        {
            RaiseMissingAccessor(w, instance, value == null ? "deleter" : "setter", value == null ? "can't delete attribute" : "can't set attribute");
            return -1;
        }

        var args = value == null ? Heap.NewTuple(new PyRef(instance)) : Heap.NewTuple(new PyRef(instance), new PyRef(value));
        if (args.IsNull)
        {
            return -1;
        }

        var r = Heap.Call(f, args.Ptr, null);
        args.DecRef();
        r.XDecRef();
        return r.IsNull ? -1 : 0;
    }

    /// <summary>
    /// <c>classmethod(f)</c> or <c>staticmethod(f)</c> (f borrowed); 3.10+'s sm_init/cm_init then
    /// copy f's attributes into it (functools_wraps): those f lacks are skipped.
    /// </summary>
    private PyRef NewWrapping(PyObject* function)
    {
        var wrapper = New(function, null, null, null);
        if (wrapper.IsNull || !Heap.Profile.Layouts.ClassMethodsWrapFunction)
        {
            return wrapper;
        }

        foreach (var attribute in (ReadOnlySpan<string>)["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"])
        {
            var name = Heap.InternString(attribute); // borrowed
            var value = PyRef.Null;
            var found = name.IsNull ? -1 : Heap.LookupAttr(function, name.Ptr, out value);
            if (found > 0)
            {
                found = SetAttr(wrapper.Ptr, name.Ptr, value.Ptr) < 0 ? -1 : 1;
                value.DecRef();
            }

            if (found < 0)
            {
                wrapper.DecRef();
                return PyRef.Null;
            }
        }

        return wrapper;
    }

    /// <summary>
    /// A property without the function an access needs: 3.x names the property (when it
    /// learnt its name) and the object's class, <c>property 'x' of 'C' object has no
    /// setter</c>; 2.7 says <paramref name="py27Message"/>. Returns null.
    /// </summary>
    private PyRef RaiseMissingAccessor(PyWrapperObject* w, PyObject* instance, string accessor, string py27Message)
    {
        if (!Heap.Profile.Layouts.PropertyHasName)
        {
            return Heap.Raise(Heap.Types.Exceptions.AttributeError, py27Message);
        }

        var type = instance->Type->Descriptor;
        var qualName = Heap.NewString(type is Instance.InstanceType { Qualname: { } q } ? q : type.Name);
        if (qualName.IsNull)
        {
            return qualName;
        }

        var message = new StringBuilder("property ");
        var ok = (w->Fifth == null || (Heap.AppendRepr(message, w->Fifth) && message.Append(' ') != null))
            && Heap.AppendRepr(message.Append("of "), qualName.Ptr);
        qualName.DecRef();
        return ok ? Heap.Raise(Heap.Types.Exceptions.AttributeError, message.Append($" object has no {accessor}").ToString()) : PyRef.Null;
    }

    /// <summary>
    /// 3.x's property.__set_name__: the property learns the name it is stored under (borrowed),
    /// which its errors then show. Nothing for another kind or in 2.7.
    /// </summary>
    public void SetName(PyObject* self, PyObject* name)
    {
        if (Kind == WrapperKind.Property && Heap.Profile.Layouts.PropertyHasName)
        {
            Heap.XIncRef(name);
            Heap.SetRef(ref ((PyWrapperObject*)self)->Fifth, name);
        }
    }

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self) =>
        Kind == WrapperKind.Partial || (Kind == WrapperKind.StaticMethod && Heap.Profile.Layouts.ClassMethodsWrapFunction);

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs)
    {
        if (Kind == WrapperKind.StaticMethod && Heap.Profile.Layouts.ClassMethodsWrapFunction)
        {
            // 3.10+'s sm_call: the function, called as it is.
            var callable = ((PyWrapperObject*)self)->First;
            Heap.IncRef(callable);
            var called = Heap.Call(callable, args, kwargs);
            Heap.DecRef(callable);
            return called;
        }

        if (Kind != WrapperKind.Partial)
        {
            return base.Call(self, args, kwargs);
        }

        var w = (PyWrapperObject*)self;
        var stored = w->Second;
        var ns = TupleType.Size(stored);
        var na = TupleType.Size(args);
        var all = Heap.Types.Tuple.New(ns + na);
        if (all.IsNull)
        {
            return all;
        }

        var dst = TupleType.Items(all.Ptr);
        for (nint i = 0; i < ns; i++)
        {
            Heap.IncRef(TupleType.Item(stored, i));
            dst[i] = TupleType.Item(stored, i);
        }

        for (nint i = 0; i < na; i++)
        {
            Heap.IncRef(TupleType.Item(args, i));
            dst[ns + i] = TupleType.Item(args, i);
        }

        var keywords = PyRef.Null;
        if (w->Third != null && Heap.Types.Dict.Count(w->Third) > 0)
        {
            keywords = Heap.Types.Dict.Copy(w->Third);
            if (keywords.IsNull || (kwargs != null && Heap.Types.Dict.Update(keywords.Ptr, kwargs) < 0))
            {
                keywords.XDecRef();
                all.DecRef();
                return PyRef.Null;
            }
        }

        var function = w->First;
        Heap.IncRef(function);
        var result = Heap.Call(function, all.Ptr, keywords.IsNull ? kwargs : keywords.Ptr);
        Heap.DecRef(function);
        all.DecRef();
        keywords.XDecRef();
        return result;
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var w = (PyWrapperObject*)self;
        var text = StrType.AsString(name);
        if (Kind == WrapperKind.Property && text == "__doc__")
        {
            // property_init: the doc given, else the getter's docstring.
            return w->Fourth != null ? new PyRef(w->Fourth).NewRef()
                : w->First != null ? Heap.GetAttr(w->First, name)
                : Heap.None;
        }

        PyObject* field = null;
        var known = true;
        switch (Kind, text)
        {
            case (WrapperKind.ClassMethod or WrapperKind.StaticMethod, "__func__"):
            case (WrapperKind.ClassMethod or WrapperKind.StaticMethod, "__wrapped__") when Heap.Profile.Layouts.ClassMethodsWrapFunction:
            case (WrapperKind.Property, "fget"):
            case (WrapperKind.Partial, "func"):
            case (WrapperKind.Super, "__thisclass__"):
                field = w->First;
                break;
            case (WrapperKind.Property, "fset"):
            case (WrapperKind.Partial, "args"):
            case (WrapperKind.Super, "__self__"):
                field = w->Second;
                break;
            case (WrapperKind.Property, "fdel"):
            case (WrapperKind.Super, "__self_class__"):
                field = w->Third;
                break;
            case (WrapperKind.Partial, "keywords"):
                if (w->Third == null)
                {
                    var d = Heap.NewDict();
                    if (d.IsNull)
                    {
                        return d;
                    }

                    w->Third = d.Ptr;
                }

                field = w->Third;
                break;
            case (WrapperKind.Property, "getter" or "setter" or "deleter"):
                var slot = text == "getter" ? 0 : text == "setter" ? 1 : 2;
                var template = Heap.Types.NativeFunction.New(text, (heap, bound, args, kwargs) => CopyProperty(bound, args, slot), isMethod: true);
                return template.IsNull ? template : BindTemplate(template, self);
            case (WrapperKind.Property, "__set_name__") when Heap.Profile.Layouts.PropertyHasName:
                var setName = Heap.Types.NativeFunction.New(text, (heap, bound, args, kwargs) => SetNameCalled(bound, args), isMethod: true);
                return setName.IsNull ? setName : BindTemplate(setName, self);
            default:
                known = false;
                break;
        }

        if (known)
        {
            return field != null ? new PyRef(field).NewRef() : Heap.None;
        }

        var dict = DictSlot(w);
        if (dict != null && text == "__dict__")
        {
            // The attribute dict itself, made if it is not there yet (PyObject_GenericGetDict).
            if (*dict == null)
            {
                var d = Heap.NewDict();
                if (d.IsNull)
                {
                    return d;
                }

                *dict = d.Ptr;
            }

            return new PyRef(*dict).NewRef();
        }

        if (Kind == WrapperKind.Super)
        {
            return SuperGetAttr(w, name);
        }

        if (dict != null && *dict != null)
        {
            var v = Heap.Types.Dict.GetItem(*dict, name);
            if (v != null)
            {
                return new PyRef(v).NewRef();
            }
        }

        return base.GetAttr(self, name);
    }

    private PyRef BindTemplate(PyRef template, PyObject* self)
    {
        var bound = Heap.Types.NativeFunction.DescriptorGet(template.Ptr, self, null);
        template.DecRef();
        return bound;
    }

    /// <summary>property.getter/setter/deleter: a copy of the property with one function replaced.</summary>
    private PyRef CopyProperty(PyObject* property, PyObject* args, int slot)
    {
        if (TupleType.Size(args) != 1)
        {
            return Heap.RaiseTypeError("expected one argument");
        }

        var w = (PyWrapperObject*)property;
        var f = TupleType.Item(args, 0);
        var copy = New(slot == 0 ? f : w->First, slot == 1 ? f : w->Second, slot == 2 ? f : w->Third, w->Fourth);
        if (!copy.IsNull)
        {
            // property_copy keeps the name the original learnt.
            SetName(copy.Ptr, w->Fifth);
        }

        return copy;
    }

    /// <summary>property.__set_name__(owner, name): None; the property keeps the name.</summary>
    private PyRef SetNameCalled(PyObject* property, PyObject* args)
    {
        if (TupleType.Size(args) != 2)
        {
            return Heap.RaiseTypeError($"__set_name__() takes 2 positional arguments but {TupleType.Size(args)} were given");
        }

        SetName(property, TupleType.Item(args, 1));
        return Heap.None;
    }

    /// <summary>super(C, obj).name: the attribute from the classes after C in obj's MRO, bound to obj.</summary>
    private PyRef SuperGetAttr(PyWrapperObject* w, PyObject* name)
    {
        if (StrType.EqualsText(name, "__class__"))
        {
            return new PyRef((PyObject*)w->Base.Type).NewRef();
        }

        var startType = (PyTypeObject*)w->Third;
        if (startType != null)
        {
            var mro = startType->Mro;
            var n = TupleType.Size(mro);
            var i = 0;
            while (i < n && TupleType.Item(mro, i) != w->First)
            {
                i++;
            }

            for (i++; i < n; i++)
            {
                var t = (PyTypeObject*)TupleType.Item(mro, i);
                var value = t->Dict == null ? null : Heap.Types.Dict.GetItem(t->Dict, name);
                if (value != null)
                {
                    var instance = w->Second == (PyObject*)startType ? null : w->Second;
                    return value->Type->Descriptor.DescriptorGet(value, instance, startType);
                }
            }
        }

        return Heap.Raise(Heap.Types.Exceptions.AttributeError, $"'super' object has no attribute '{StrType.AsString(name)}'");
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        var dict = DictSlot((PyWrapperObject*)self);
        if (dict == null)
        {
            return base.SetAttr(self, name, value);
        }

        if (*dict == null)
        {
            var d = Heap.NewDict();
            if (d.IsNull)
            {
                return -1;
            }

            *dict = d.Ptr;
        }

        return Heap.Types.Dict.SetItem(*dict, name, value);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var w = (PyWrapperObject*)self;
        switch (Kind)
        {
            case WrapperKind.Super:
                var thisClass = ((PyTypeObject*)w->First)->Descriptor.Name;
                if (w->Second == null)
                {
                    return Heap.NewString($"<super: <class '{thisClass}'>, NULL>");
                }

                var selfType = w->Second->Type->Descriptor.Name;
                return Heap.NewString($"<super: <class '{thisClass}'>, <{selfType} object>>");
            case WrapperKind.Partial when !Heap.Profile.IntPromotesToLong:
                var sb = new StringBuilder("functools.partial(");
                if (!Heap.AppendRepr(sb, w->First))
                {
                    return PyRef.Null;
                }

                for (nint i = 0; i < TupleType.Size(w->Second); i++)
                {
                    sb.Append(", ");
                    if (!Heap.AppendRepr(sb, TupleType.Item(w->Second, i)))
                    {
                        return PyRef.Null;
                    }
                }

                if (w->Third != null)
                {
                    nint pos = 0;
                    while (Heap.Types.Dict.Next(w->Third, ref pos, out var k, out var v))
                    {
                        sb.Append(", ").Append(Heap.IsInstance(k, Heap.Types.Str) ? StrType.AsString(k) : "?").Append('=');
                        if (!Heap.AppendRepr(sb, v))
                        {
                            return PyRef.Null;
                        }
                    }
                }

                return Heap.NewString(sb.Append(')').ToString());
            default:
                return base.Repr(self);
        }
    }

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        var n = TupleType.Size(args);
        switch (Kind)
        {
            case WrapperKind.ClassMethod or WrapperKind.StaticMethod:
                return n == 1 ? NewWrapping(TupleType.Item(args, 0)) : Heap.RaiseTypeError($"{Name} expected 1 argument, got {n}");
            case WrapperKind.Property:
                var parts = new PyObject*[4];
                for (var i = 0; i < 4 && i < n; i++)
                {
                    var a = TupleType.Item(args, i);
                    parts[i] = a == Heap.NoneObject ? null : a;
                }

                if (kwargs != null)
                {
                    string[] names = ["fget", "fset", "fdel", "doc"];
                    for (var i = 0; i < 4; i++)
                    {
                        var v = Heap.Types.Dict.GetItemString(kwargs, names[i]);
                        if (v != null && v != Heap.NoneObject)
                        {
                            parts[i] = v;
                        }
                    }
                }

                return New(parts[0], parts[1], parts[2], parts[3]);
            case WrapperKind.Partial:
                if (n < 1 || !Heap.IsCallable(TupleType.Item(args, 0)))
                {
                    return Heap.RaiseTypeError(n < 1 ? "type 'partial' takes at least one argument" : "the first argument must be callable");
                }

                // 3.x's partial_new flattens a plain partial (one without attributes of its own):
                // the new one calls its function with its arguments first and its keywords under the new ones.
                // (A partial's attribute dict is its Fourth slot.)
                var func = TupleType.Item(args, 0);
                var inner = func->Type == TypeObject && !Heap.Profile.IntPromotesToLong && ((PyWrapperObject*)func)->Fourth == null
                    ? (PyWrapperObject*)func
                    : null;
                var innerArgs = inner == null || inner->Second == null ? 0 : TupleType.Size(inner->Second);
                var rest = Heap.Types.Tuple.New(innerArgs + n - 1);
                if (rest.IsNull)
                {
                    return rest;
                }

                for (nint i = 0; i < innerArgs; i++)
                {
                    Heap.IncRef(TupleType.Item(inner->Second, i));
                    TupleType.Items(rest.Ptr)[i] = TupleType.Item(inner->Second, i);
                }

                for (nint i = 1; i < n; i++)
                {
                    Heap.IncRef(TupleType.Item(args, i));
                    TupleType.Items(rest.Ptr)[innerArgs + i - 1] = TupleType.Item(args, i);
                }

                var keywords = inner != null && inner->Third != null ? Heap.Types.Dict.Copy(inner->Third)
                    : kwargs != null && Heap.Types.Dict.Count(kwargs) > 0 ? Heap.Types.Dict.Copy(kwargs) : Heap.NewDict();
                if (!keywords.IsNull && inner != null && kwargs != null && Heap.Types.Dict.Merge(keywords.Ptr, kwargs) < 0)
                {
                    keywords.DecRef();
                    keywords = PyRef.Null;
                }

                var p = keywords.IsNull ? PyRef.Null : New(inner != null ? inner->First : func, rest.Ptr, keywords.Ptr, null);
                rest.DecRef();
                keywords.XDecRef();
                return p;
            default:
                if (n >= 1 && TupleType.Item(args, 0)->Type->Descriptor is Classic.ClassicClassType)
                {
                    return Heap.RaiseTypeError("super() argument 1 must be type, not classobj");
                }

                if (n != 2 || TupleType.Item(args, 0)->Type->Descriptor is not TypeType)
                {
                    return Heap.RaiseTypeError("super() needs a class and an instance (the zero-argument form is the evaluator's)");
                }

                var cls = TupleType.Item(args, 0);
                var obj = TupleType.Item(args, 1);
                var objType = obj->Type->Descriptor is TypeType && Heap.IsSubtype((PyTypeObject*)obj, (PyTypeObject*)cls) ? obj : (PyObject*)obj->Type;
                if (!Heap.IsSubtype((PyTypeObject*)objType, (PyTypeObject*)cls))
                {
                    return Heap.RaiseTypeError("super(type, obj): obj must be an instance or subtype of type");
                }

                return New(cls, obj, objType, null);
        }
    }
}
