using System.Runtime.InteropServices;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Classic;

/// <summary>
/// <c>instance</c>: an instance of a 2.7 classic class (Objects/classobject.c). Every
/// attribute, special methods included, is looked up on the instance: its dict, then its
/// class and the class's bases depth first, then the class's <c>__getattr__</c>.
/// </summary>
/// <remarks>
/// The instance is tracked and weak-referenceable, always has its dict (made before the
/// instance, as PyInstance_NewRaw does), owns a reference to its class, and has no clear
/// function: a cycle through instances is broken through their dicts. The type object carries
/// the heap-type flag so that the operators try the instance's special methods (through
/// <see cref="TryCallMethod"/>), and the finalizer flag, so that the collector asks each
/// unreachable instance whether it has a <c>__del__</c> now (<see cref="HasLegacyFinalizer"/>):
/// in its dict or on its class, added before or after the instance was made. Invariant of every
/// cast to <see cref="PyClassicInstanceObject"/> here: the object's type is the instance type
/// (callers check the descriptor), and its class field always holds a classobj (<c>__class__</c>
/// stores check it).
/// </remarks>
internal sealed unsafe partial class ClassicInstanceType : TypeDescriptor
{
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyClassicInstanceObject>(nameof(PyClassicInstanceObject.WeakList));

    private readonly ClassicTypes _types;

    /// <summary>Creates the descriptor.</summary>
    public ClassicInstanceType(Heap heap, ClassicTypes types)
        : base(heap, "instance") => _types = types;

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <inheritdoc/>
    public override int WeakListOffset => s_weakListOffset;

    /// <inheritdoc/>
    internal override void Initialize() =>
        TypeObject->Flags |= TypeFlags.HeapType | TypeFlags.HasFinalizer;

    /// <inheritdoc/>
    /// <remarks>_PyInstance_Lookup of <c>__del__</c>: the instance's dict, then its class and bases (no <c>__getattr__</c>).</remarks>
    public override bool HasLegacyFinalizer(PyObject* self)
    {
        // Called from dealloc and the collector, maybe with an error pending: nothing here
        // raises (a str key, already interned) or touches the error indicator.
        var name = Heap.InternString("__del__"); // interned: borrowed
        return !name.IsNull
            && (Heap.Types.Dict.GetItemString(DictOf(self), "__del__") != null || Classes.Lookup(ClassOf(self), name.Ptr, out _) != null);
    }

    private ClassicClassType Classes => _types.Class;

    /// <summary>The instance's class, borrowed.</summary>
    public static PyObject* ClassOf(PyObject* self) => ((PyClassicInstanceObject*)self)->Class;

    /// <summary>The instance's dict, borrowed.</summary>
    public static PyObject* DictOf(PyObject* self) => ((PyClassicInstanceObject*)self)->Dict;

    /// <summary>The name of the instance's class.</summary>
    public static string ClassName(PyObject* self) => ClassicClassType.NameOf(ClassOf(self));

    /// <summary>
    /// Calling a classic class (PyInstance_New): a new instance of <paramref name="cls"/> with an
    /// empty dict, initialised by <c>__init__</c> (found on the instance without
    /// <c>__getattr__</c>). New reference, or null with the error set.
    /// </summary>
    public PyRef Construct(PyObject* cls, PyObject* args, PyObject* kwargs)
    {
        var dict = Heap.NewDict();
        if (dict.IsNull)
        {
            return dict;
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PyClassicInstanceObject));
        if (o == null)
        {
            dict.DecRef();
            return PyRef.Null;
        }

        var inst = (PyClassicInstanceObject*)o;
        Heap.IncRef(cls);
        inst->Class = cls;
        inst->Dict = dict.Ptr;
        inst->WeakList = null;
        Heap.Gc.Track(o);
        var self = new PyRef(o);
        var initName = Heap.InternString("__init__");
        var init = initName.IsNull ? PyRef.Null : FindAttribute(o, initName.Ptr);
        if (init.IsNull)
        {
            if (Heap.ErrorOccurred)
            {
                self.DecRef();
                return PyRef.Null;
            }

            if (TupleType.Size(args) != 0 || (kwargs != null && Heap.Types.Dict.Count(kwargs) != 0))
            {
                self.DecRef();
                return Heap.RaiseTypeError("this constructor takes no arguments");
            }

            return self;
        }

        var result = Heap.Call(init.Ptr, args, kwargs);
        init.DecRef();
        if (result.IsNull)
        {
            self.DecRef();
            return result;
        }

        var isNone = result.Ptr == Heap.NoneObject;
        result.DecRef();
        if (!isNone)
        {
            self.DecRef();
            return Heap.RaiseTypeError("__init__() should return None");
        }

        return self;
    }

    /// <summary>
    /// instance_getattr2: <paramref name="name"/> in the instance's dict, else found on its class
    /// (bound to the instance). New reference; null without an error when absent.
    /// </summary>
    public PyRef FindAttribute(PyObject* self, PyObject* name)
    {
        var v = Heap.Types.Dict.GetItem(DictOf(self), name);
        if (v != null)
        {
            return new PyRef(v).NewRef();
        }

        var cls = ClassOf(self);
        v = Classes.Lookup(cls, name, out _);
        return v == null ? PyRef.Null : Classes.Bind(v, self, cls);
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        switch (StrType.AsSpan(name))
        {
            case "__dict__":
                return new PyRef(DictOf(self)).NewRef();
            case "__class__":
                return new PyRef(ClassOf(self)).NewRef();
        }

        var v = FindAttribute(self, name);
        if (!v.IsNull || Heap.ErrorOccurred)
        {
            return v;
        }

        var hook = ClassicClassType.GetAttrHookOf(ClassOf(self));
        if (hook == null)
        {
            return Heap.Raise(Heap.Types.Exceptions.AttributeError, $"{ClassName(self)} instance has no attribute '{StrType.AsString(name)}'");
        }

        // The hook is called as found in the class dict, with the instance passed explicitly.
        var args = Heap.NewTuple(new PyRef(self), new PyRef(name));
        if (args.IsNull)
        {
            return args;
        }

        var r = Heap.Call(hook, args.Ptr, null);
        args.DecRef();
        return r;
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        var inst = (PyClassicInstanceObject*)self;
        var text = StrType.AsString(name);
        if (text == "__dict__")
        {
            if (value == null || !Heap.IsDict(value))
            {
                Heap.RaiseTypeError("__dict__ must be set to a dictionary");
                return -1;
            }

            Heap.IncRef(value);
            Heap.SetRef(ref inst->Dict, value);
            return 0;
        }

        if (text == "__class__")
        {
            if (value == null || !Classes.IsClass(value))
            {
                Heap.RaiseTypeError("__class__ must be set to a class");
                return -1;
            }

            Heap.IncRef(value);
            Heap.SetRef(ref inst->Class, value);
            return 0;
        }

        var hook = value == null ? ClassicClassType.DelAttrHookOf(inst->Class) : ClassicClassType.SetAttrHookOf(inst->Class);
        if (hook != null)
        {
            var args = value == null ? Heap.NewTuple(new PyRef(self), new PyRef(name)) : Heap.NewTuple(new PyRef(self), new PyRef(name), new PyRef(value));
            if (args.IsNull)
            {
                return -1;
            }

            var r = Heap.Call(hook, args.Ptr, null);
            args.DecRef();
            r.XDecRef();
            return r.IsNull ? -1 : 0;
        }

        if (value != null)
        {
            return Heap.Types.Dict.SetItem(inst->Dict, name, value);
        }

        var status = Heap.Types.Dict.DelItem(inst->Dict, name);
        if (status < 0 && Heap.ErrorMatches(Heap.Types.Exceptions.KeyError))
        {
            Heap.ClearError();
            Heap.Raise(Heap.Types.Exceptions.AttributeError, $"{ClassName(self)} instance has no attribute '{text}'");
        }

        return status;
    }

    /// <summary>
    /// Calls the instance's attribute <paramref name="name"/> (found as any attribute is, so
    /// <c>__getattr__</c> may supply it) with <paramref name="args"/> (a tuple) and
    /// <paramref name="kwargs"/> (a dict or null), as the 2.7 instance slots call special
    /// methods. False when the instance has no such attribute (AttributeError, which is
    /// cleared; for the unary operators' methods it stays, as 2.7's slots raise it); otherwise <paramref name="result"/> is the call's result, null with the error
    /// set on failure.
    /// </summary>
    public bool TryCallMethod(PyObject* self, string name, PyObject* args, PyObject* kwargs, out PyRef result)
    {
        result = PyRef.Null;
        PyRef method;
        if (IsRequiredMethod(name))
        {
            var nameObj = Heap.InternString(name);
            method = nameObj.IsNull ? nameObj : GetAttr(self, nameObj.Ptr);
            if (method.IsNull)
            {
                return true;
            }
        }
        else
        {
            method = FindMethod(self, name);
            if (method.IsNull)
            {
                return Heap.ErrorOccurred;
            }
        }

        result = Heap.Call(method.Ptr, args, kwargs);
        method.DecRef();
        return true;
    }

    /// <summary>
    /// The attribute <paramref name="name"/> of the instance: a new reference; null without an
    /// error on AttributeError, null with it on another error. <paramref name="matchesError"/>:
    /// whether CPython tells the AttributeError apart with PyErr_ExceptionMatches there.
    /// </summary>
    private PyRef FindMethod(PyObject* self, string name, bool matchesError = true)
    {
        var nameObj = Heap.InternString(name);
        if (nameObj.IsNull)
        {
            return nameObj;
        }

        var method = GetAttr(self, nameObj.Ptr);
        if (method.IsNull && matchesError && Heap.ErrorOccurred)
        {
            // PyErr_ExceptionMatches asks PyObject_IsSubclass, which binds a method (the
            // missing attribute's error itself is never made into an exception object).
            Heap.Types.NativeFunction.ModelSubclassCheck();
        }

        if (method.IsNull && Heap.ErrorMatches(Heap.Types.Exceptions.AttributeError))
        {
            Heap.ClearError();
        }

        return method;
    }

    /// <summary>Calls the instance's attribute <paramref name="name"/> with the given arguments (borrowed); a missing one raises its AttributeError.</summary>
    private PyRef CallMethod(PyObject* self, string name, params ReadOnlySpan<PyRef> args)
    {
        var nameObj = Heap.InternString(name);
        if (nameObj.IsNull)
        {
            return nameObj;
        }

        var method = GetAttr(self, nameObj.Ptr);
        if (method.IsNull)
        {
            return method;
        }

        var tuple = Heap.NewTuple(args);
        if (tuple.IsNull)
        {
            method.DecRef();
            return tuple;
        }

        var r = Heap.Call(method.Ptr, tuple.Ptr, null);
        tuple.DecRef();
        method.DecRef();
        return r;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyClassicInstanceObject);

    /// <inheritdoc/>
    /// <remarks>
    /// instance_dealloc: weak references are cleared before <c>__del__</c> runs (it may
    /// resurrect the instance); then the class and the dict are released, in that order.
    /// </remarks>
    public override void Dealloc(PyObject* self)
    {
        var inst = (PyClassicInstanceObject*)self;
        Heap.Gc.Untrack(self);
        Heap.ClearWeakReferences(self);
        if (HasLegacyFinalizer(self) && Heap.RunFinalizerFromDealloc(self))
        {
            return;
        }

        Heap.ClearRef(ref inst->Class);
        Heap.ClearRef(ref inst->Dict);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var inst = (PyClassicInstanceObject*)self;
        var r = inst->Class != null ? visit(inst->Class, arg) : 0;
        return r != 0 ? r : inst->Dict != null ? visit(inst->Dict, arg) : 0;
    }
}
