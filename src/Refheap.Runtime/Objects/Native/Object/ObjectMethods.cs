using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Object;

/// <summary>
/// <c>object.__init__</c>, which every class reaches last in its MRO: what <c>super().__init__()</c>
/// and <c>Base.__init__(self)</c> end at, and what a class without its own <c>__init__</c>
/// runs when called.
/// </summary>
/// <remarks>
/// object_init accepts no arguments beyond the instance unless the class's constructor takes
/// them elsewhere (a built-in base such as an exception, a tuple or a str). For a class that
/// does not override <c>__init__</c>, extra arguments are reported as CPython's object_new
/// reports them when the class is called (2.7 "object() takes no parameters", 3.x "B() takes
/// no arguments"); for one that does (a <c>super().__init__(x)</c> call), as object_init does.
/// </remarks>
internal static unsafe class ObjectMethods
{
    /// <summary>The names of the comparison slot wrappers, indexed by <see cref="CompareOp"/>.</summary>
    public static readonly string[] CompareNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    /// <summary>The methods, for <paramref name="heap"/>'s profile.</summary>
    /// <remarks>
    /// 3.x's <c>object</c> has the six comparison slot wrappers (object_richcompare); 2.7's has
    /// none (<c>object.__eq__</c> there is type's, bound to the class).
    /// </remarks>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        List<BuiltinMethod> methods =
        [
            new("__init__", ArgumentSpec.AnyArgs, Init),
            new("__new__", ArgumentSpec.AnyArgs, New, MethodBinding.Type),
            new("__getattribute__", ArgumentSpec.Wrapper(1), GetAttribute),
            new("__setattr__", ArgumentSpec.Wrapper(2), SetAttr),
            new("__delattr__", ArgumentSpec.Wrapper(1), DelAttr),
            new("__repr__", ArgumentSpec.Wrapper(0), Repr),
            new("__str__", ArgumentSpec.Wrapper(0), Str),
            new("__hash__", ArgumentSpec.Wrapper(0), Hash),
            new("__sizeof__", ArgumentSpec.NoArgs, SizeOf),
            new("__reduce__", ArgumentSpec.NoArgs, (h, _, _) => Unpicklable(h, "__reduce__")),
            new("__reduce_ex__", ArgumentSpec.One, (h, _, _) => Unpicklable(h, "__reduce_ex__")),
            new("__subclasshook__", ArgumentSpec.AnyArgs, static (h, _, _) => h.NotImplemented, MethodBinding.Class),
        ];
        if (!heap.Profile.IntPromotesToLong)
        {
            methods.Add(new("__getstate__", ArgumentSpec.NoArgs, GetState));
            methods.Add(new("__init_subclass__", ArgumentSpec.AnyArgs, InitSubclass, MethodBinding.Class));
            for (var i = 0; i < CompareNames.Length; i++)
            {
                var op = (CompareOp)i;
                methods.Add(new(CompareNames[i], ArgumentSpec.Wrapper(1), (h, self, a) => RichCompare(h, self, a[0], op)));
            }
        }

        return methods;
    }

    /// <summary>
    /// object_repr, as the slot a class without its own <c>__repr__</c> inherits: the default
    /// <c>&lt;module.Name object at 0x...&gt;</c>, or for a class over a built-in base (an
    /// exception) that base's repr, which CPython's MRO finds before object's. Read on an
    /// instance of a built-in type, whose own <c>__repr__</c> Refheap keeps in no dict, it is
    /// that type's repr. New reference or null.
    /// </summary>
    private static PyRef Repr(Heap heap, PyObject* self, MethodArgs a) => self->Type->Descriptor switch
    {
        InstanceType { Layout.SolidBaseIsObject: true } => heap.NewString($"<{self->Type->Descriptor.QualifiedName} object at 0x{(nint)self:x}>"),
        InstanceType it => it.Layout.SolidBase.Repr(self),
        var builtin => builtin.Repr(self),
    };

    /// <summary>object_str: the repr through the instance's type (its class's own <c>__repr__</c> included); a built-in base's or type's own str otherwise. New reference or null.</summary>
    // object_str: the object's type's repr (a class's __repr__, else its built-in base's). A
    // built-in type's own __str__ (str's, BaseException's) comes first in CPython's lookup;
    // Refheap's type dicts lack it, so it is taken here (InstanceType.InheritedStr).
    private static PyRef Str(Heap heap, PyObject* self, MethodArgs a) => self->Type->Descriptor switch
    {
        InstanceType it => it.InheritedStr(self),
        var builtin => builtin.Str(self),
    };

    /// <summary>object's hash, the identity's; a built-in base's or type's own otherwise. New reference or null.</summary>
    private static PyRef Hash(Heap heap, PyObject* self, MethodArgs a)
    {
        var hash = self->Type->Descriptor switch
        {
            InstanceType { Layout.SolidBaseIsObject: true } => heap.IdentityHash(self),
            InstanceType it => it.Layout.SolidBase.Hash(self),
            var builtin => builtin.Hash(self),
        };
        return hash == -1 && heap.ErrorOccurred ? PyRef.Null : heap.NewInt(hash);
    }

    /// <summary>
    /// object.__sizeof__: the object's own bytes, what <c>sys.getsizeof</c> reports less the GC
    /// header it adds — and in 3.12 less the two words before the object where an instance
    /// with a managed dict keeps its dict and weak references (getsizeof counts that pre-header).
    /// </summary>
    private static PyRef SizeOf(Heap heap, PyObject* self, MethodArgs a)
    {
        var size = new ObjectApi(heap).SizeOfWithoutGcHeader(new PyRef(self));
        var managed = self->Type->Descriptor is InstanceType { Layout.ValuesOffset: not 0 };
        return heap.NewInt(managed ? size - (2 * sizeof(nint)) : size);
    }

    /// <summary>3.12's object.__getstate__ for an instance without slots: its dict, or None when it has no attributes.</summary>
    private static PyRef GetState(Heap heap, PyObject* self, MethodArgs a)
    {
        if (self->Type->Descriptor is not InstanceType it)
        {
            return heap.None;
        }

        if (it.Layout.SlotOffsets.Length != 0)
        {
            return heap.Raise(heap.Types.Exceptions.NotImplementedError, "Refheap does not support object.__getstate__ of an instance with __slots__ (copyreg)");
        }

        var dict = it.GetOrCreateDict(self);
        if (dict == null)
        {
            return PyRef.Null;
        }

        return heap.Types.Dict.Count(dict) == 0 ? heap.None : new PyRef(dict).NewRef();
    }

    /// <summary>3.12's object.__init_subclass__ (bound to a class): does nothing, and takes no arguments.</summary>
    private static PyRef InitSubclass(Heap heap, PyObject* self, MethodArgs a)
    {
        var cls = (PyTypeObject*)self;
        if (a.PositionalCount > 0)
        {
            return heap.RaiseTypeError($"{cls->Descriptor.Name}.__init_subclass__() takes no arguments ({a.PositionalCount} given)");
        }

        return a.Kwargs != null && heap.Types.Dict.Count(a.Kwargs) > 0
            ? heap.RaiseTypeError($"{cls->Descriptor.Name}.__init_subclass__() takes no keyword arguments")
            : heap.None;
    }

    /// <summary>object.__init_subclass__ given a class statement's keywords: CPython's TypeError naming the new class; -1.</summary>
    public static int RefuseInitSubclassKeywords(Heap heap, PyTypeObject* cls)
    {
        heap.RaiseTypeError($"{cls->Descriptor.Name}.__init_subclass__() takes no keyword arguments");
        return -1;
    }

    private static PyRef Unpicklable(Heap heap, string method) =>
        heap.Raise(heap.Types.Exceptions.NotImplementedError, $"Refheap does not support pickling or copying (object.{method})");

    /// <summary>
    /// object_richcompare: <c>==</c> is identity, else NotImplemented; <c>!=</c> asks the
    /// object's own <c>==</c> (its type's comparison, a class's <c>__eq__</c> included) and
    /// inverts it unless that is NotImplemented; the orderings are NotImplemented. New reference or null.
    /// </summary>
    public static PyRef RichCompare(Heap heap, PyObject* self, PyObject* other, CompareOp op)
    {
        switch (op)
        {
            case CompareOp.Eq:
                return self == other ? heap.NewBool(true) : heap.NotImplemented;
            case CompareOp.Ne:
                var eq = self->Type->Descriptor.RichCompare(self, other, CompareOp.Eq);
                if (eq.IsNull || eq.Ptr == heap.Types.NotImplemented.Singleton)
                {
                    return eq;
                }

                var truth = heap.IsTrue(eq.Ptr);
                eq.DecRef();
                return truth < 0 ? PyRef.Null : heap.NewBool(truth == 0);
            default:
                return heap.NotImplemented;
        }
    }

    // object.__getattribute__/__setattr__/__delattr__: the generic ways, which a class's own
    // attribute methods call to do the actual work (never the class's methods again).
    private static PyRef GetAttribute(Heap heap, PyObject* self, MethodArgs a) =>
        !IsName(heap, a[0]) ? PyRef.Null
        : self->Type->Descriptor is InstanceType it ? it.GetAttrWithoutHooks(self, a[0])
        : heap.GetAttr(self, a[0]);

    private static PyRef SetAttr(Heap heap, PyObject* self, MethodArgs a) => Store(heap, self, a[0], a[1]);

    private static PyRef DelAttr(Heap heap, PyObject* self, MethodArgs a) => Store(heap, self, a[0], null);

    private static PyRef Store(Heap heap, PyObject* self, PyObject* name, PyObject* value)
    {
        if (!IsName(heap, name))
        {
            return PyRef.Null;
        }

        var status = self->Type->Descriptor is InstanceType it
            ? it.SetAttrWithoutHooks(self, name, value)
            : self->Type->Descriptor.SetAttr(self, name, value);
        return status < 0 ? PyRef.Null : heap.None;
    }

    private static bool IsName(Heap heap, PyObject* name)
    {
        if (Heap.IsInstance(name, heap.Types.Str))
        {
            return true;
        }

        heap.RaiseTypeError($"attribute name must be string, not '{name->Type->Descriptor.Name}'");
        return false;
    }

    /// <remarks>
    /// object_init: surplus arguments are an error unless the class has its own <c>__new__</c>
    /// (which took them) and not its own <c>__init__</c> — 2.7 only warns (a DeprecationWarning,
    /// silent by default) when it has both. Without its own <c>__new__</c>, CPython's object_new
    /// refuses them first, with its own words.
    /// </remarks>
    private static PyRef Init(Heap heap, PyObject* self, MethodArgs a)
    {
        var excess = a.PositionalCount > 0 || (a.Kwargs != null && heap.Types.Dict.Count(a.Kwargs) > 0);
        if (!excess || self->Type->Descriptor is InstanceType { Layout.SolidBaseIsObject: false })
        {
            return heap.None;
        }

        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        var customNew = self->Type->Descriptor is InstanceType it && it.CustomNew() != null;
        if (InitOverridden(heap, self->Type))
        {
            return py27 && customNew
                ? heap.None
                : heap.RaiseTypeError(py27 ? "object.__init__() takes no parameters" : "object.__init__() takes exactly one argument (the instance to initialize)");
        }

        return customNew ? heap.None : heap.RaiseTypeError(py27 ? "object() takes no parameters" : $"{self->Type->Descriptor.Name}() takes no arguments");
    }

    private static bool InitOverridden(Heap heap, PyTypeObject* type)
    {
        var name = heap.InternString("__init__");
        var own = name.IsNull ? null : TypeType.Lookup(type, name.Ptr);
        return own != null && own != TypeType.Lookup(heap.Types.Object.TypeObject, name.Ptr);
    }

    /// <summary>
    /// <c>object.__new__(cls, ...)</c> (tp_new_wrapper, then object_new): a new instance of the
    /// class <c>cls</c> without <c>__init__</c> run. The class must be one whose instances object
    /// makes (no built-in base of its own); surplus arguments are refused as CPython refuses them.
    /// </summary>
    private static PyRef New(Heap heap, PyObject* self, MethodArgs a)
    {
        if (a.PositionalCount == 0)
        {
            return heap.RaiseTypeError("object.__new__(): not enough arguments");
        }

        var cls = Native.Tuple.TupleType.Item(a.Tuple, 0);
        if (!Heap.IsSubtype(cls->Type, heap.Types.Type.TypeObject))
        {
            return heap.RaiseTypeError($"object.__new__(X): X is not a type object ({cls->Type->Descriptor.Name})");
        }

        var type = (PyTypeObject*)cls;
        var descriptor = type->Descriptor;
        var instanceType = descriptor as InstanceType;
        if (descriptor != heap.Types.Object && instanceType is not { Layout.SolidBaseIsObject: true })
        {
            // tp_new_wrapper names the most derived class whose __new__ is not a Python one.
            var staticBase = type;
            while (staticBase->Descriptor is InstanceType && staticBase->Dict != null && heap.Types.Dict.GetItemString(staticBase->Dict, "__new__") != null)
            {
                staticBase = (PyTypeObject*)Native.Tuple.TupleType.Item(staticBase->Mro, 1);
            }

            return heap.RaiseTypeError($"object.__new__({descriptor.Name}) is not safe, use {staticBase->Descriptor.Name}.__new__()");
        }

        var excess = a.PositionalCount > 1 || (a.Kwargs != null && heap.Types.Dict.Count(a.Kwargs) > 0);
        if (excess && NewRefusesArguments(heap, type, instanceType))
        {
            return PyRef.Null;
        }

        return instanceType != null ? instanceType.Allocate() : heap.Types.Object.New();
    }

    /// <summary>object_new's check of surplus arguments: true with the TypeError set when it refuses them.</summary>
    private static bool NewRefusesArguments(Heap heap, PyTypeObject* type, InstanceType? instanceType)
    {
        var customNew = instanceType?.CustomNew() != null;
        var initOverridden = InitOverridden(heap, type);
        if (heap.Profile.Wording == ErrorWording.Cpython27)
        {
            // 2.7 warns (silently by default) when the class has both its own __new__ and __init__.
            if (customNew && initOverridden)
            {
                return false;
            }

            if (customNew || !initOverridden)
            {
                heap.RaiseTypeError("object() takes no parameters");
                return true;
            }

            return false;
        }

        if (customNew)
        {
            heap.RaiseTypeError("object.__new__() takes exactly one argument (the type to instantiate)");
            return true;
        }

        if (!initOverridden)
        {
            heap.RaiseTypeError($"{type->Descriptor.Name}() takes no arguments");
            return true;
        }

        return false;
    }
}
