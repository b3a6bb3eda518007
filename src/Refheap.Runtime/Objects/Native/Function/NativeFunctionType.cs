using System.Runtime.InteropServices;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Function;

/// <summary>
/// <c>builtin_function_or_method</c>: a heap callable whose body is a C# delegate. A method
/// (found on a class) binds to the instance it is read through, as CPython's method
/// descriptors do; the bound object is owned and traversed, so a callable can sit in a cycle.
/// The methods in a built-in type's dict are of three more types, <c>method_descriptor</c>,
/// <c>wrapper_descriptor</c> and <c>classmethod_descriptor</c> (<see cref="NativeFunctionFlavor"/>):
/// descriptors of this class too, sharing its functions, so that they bind and call alike.
/// </summary>
/// <remarks>The delegates live in a managed table indexed by the object's slot; the table grows with the number of live functions, not with the heap.</remarks>
internal sealed unsafe class NativeFunctionType : TypeDescriptor
{
    // Shared by builtin_function_or_method and its descriptor types: an object's slot indexes them whatever its type.
    private readonly List<NativeCallable?> _table;
    private readonly List<NativeCallKind> _kinds;

    // The type whose dict holds each method (null for a plain function): what its repr names.
    private readonly List<TypeDescriptor?> _owners;

    // The module a plain function belongs to (CPython's m_module, which __module__ reads), or
    // null: kept here, not in the object, so that the object keeps CPython's size.
    private readonly List<string?> _modules;
    private readonly Stack<int> _freeSlots;

    // builtin_function_or_method's descriptor (this one, for it), which makes every object, and the descriptor types (none on them).
    private readonly NativeFunctionType _functions;
    private readonly NativeFunctionType[] _descriptorTypes;

    /// <summary>2.7's free list of these objects (methodobject.c's PyCFunction_MAXFREELIST); 3.12 has none.</summary>
    private const int Py27FreeListCapacity = 256;

    private FreeList? _freeList;

    /// <summary>Creates the descriptor of <c>builtin_function_or_method</c> and those of its <see cref="DescriptorTypes"/>.</summary>
    public NativeFunctionType(Heap heap)
        : this(heap, NativeFunctionFlavor.Function, null)
    {
        _descriptorTypes =
        [
            new NativeFunctionType(heap, NativeFunctionFlavor.MethodDescriptor, this),
            new NativeFunctionType(heap, NativeFunctionFlavor.WrapperDescriptor, this),
            new NativeFunctionType(heap, NativeFunctionFlavor.ClassMethodDescriptor, this),
            new NativeFunctionType(heap, NativeFunctionFlavor.MethodWrapper, this),
        ];
    }

    private NativeFunctionType(Heap heap, NativeFunctionFlavor flavor, NativeFunctionType? functions)
        : base(heap, flavor switch
        {
            NativeFunctionFlavor.Function => "builtin_function_or_method",
            NativeFunctionFlavor.MethodDescriptor => "method_descriptor",
            NativeFunctionFlavor.WrapperDescriptor => "wrapper_descriptor",
            NativeFunctionFlavor.ClassMethodDescriptor => "classmethod_descriptor",
            _ => "method-wrapper",
        })
    {
        Flavor = flavor;
        _functions = functions ?? this;
        _table = functions?._table ?? [];
        _kinds = functions?._kinds ?? [];
        _owners = functions?._owners ?? [];
        _modules = functions?._modules ?? [];
        _freeSlots = functions?._freeSlots ?? new();
        _descriptorTypes = [];
        var layouts = heap.Profile.Layouts;
        _size = flavor switch
        {
            NativeFunctionFlavor.Function => layouts.BuiltinFunctionSize,
            NativeFunctionFlavor.WrapperDescriptor => layouts.WrapperDescriptorSize,
            NativeFunctionFlavor.MethodWrapper => layouts.MethodWrapperSize,
            _ => layouts.MethodDescriptorSize,
        };
        _block = layouts.BlockSize(_size, sizeof(PyNativeFunctionObject));
    }

    // CPython's size of the type, and its block size less the GC header: never fewer bytes than PyNativeFunctionObject.
    private readonly int _size;
    private readonly nuint _block;

    /// <summary>Which of the four types this descriptor is.</summary>
    public NativeFunctionFlavor Flavor { get; }

    /// <summary>On builtin_function_or_method's descriptor: method_descriptor's, wrapper_descriptor's, classmethod_descriptor's and method-wrapper's (empty on theirs).</summary>
    public IReadOnlyList<NativeFunctionType> DescriptorTypes => _descriptorTypes;

    /// <summary>Whether <paramref name="o"/> is of one of the five types: a C#-implemented function, bound method or method descriptor.</summary>
    public bool IsNativeFunction(PyObject* o)
    {
        var t = o->Type;
        var d = _functions._descriptorTypes;
        return t == _functions.TypeObject || t == d[0].TypeObject || t == d[1].TypeObject || t == d[2].TypeObject || t == d[3].TypeObject;
    }

    /// <inheritdoc/>
    public override bool IsGc => true;

    internal override void Initialize()
    {
        // A bound built-in method (`lst.append`) dies after its call: 2.7 keeps its block for
        // the next one, so it is counted once; 3.12 frees it. The list is empty at start, as
        // CPython 2.7's is when a program's first line runs.
        if (Heap.Profile.Name == Profile.Py27.Name && Flavor == NativeFunctionFlavor.Function)
        {
            _freeList = Heap.FreeLists.Add(new FreeList("builtin_function_or_method", Py27FreeListCapacity, block => Heap.FreeObject((PyObject*)block, this, _block)));
        }
    }

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyNativeFunctionObject>(nameof(PyNativeFunctionObject.WeakList));

    /// <inheritdoc/>
    /// <remarks>3.x builtin functions are weak-referenceable; 2.7's are not (<see cref="Profile.BuiltinFunctionsWeakReferenceable"/>); method descriptors never are.</remarks>
    public override int WeakListOffset => Flavor == NativeFunctionFlavor.Function && Heap.Profile.BuiltinFunctionsWeakReferenceable
        ? s_weakListOffset
        : 0;

    /// <summary>Live native functions.</summary>
    public int LiveCount => _table.Count - _freeSlots.Count;

    /// <summary>
    /// A new function called <paramref name="name"/>; <paramref name="isMethod"/>: binds to
    /// instances when found on a class; <paramref name="kind"/>: how the profile's CPython
    /// calls it (see <see cref="IsVectorCall"/>).
    /// </summary>
    public PyRef New(string name, NativeCallable body, bool isMethod = false, NativeCallKind kind = NativeCallKind.Tuple) => NewBound(name, body, null, isMethod, kind, null, NativeFunctionFlavor.Function);

    /// <summary>
    /// A new method of the built-in type <paramref name="owner"/> (as <see cref="New"/>), which
    /// reprs as CPython's descriptors do: <c>&lt;slot wrapper '__eq__' of 'object' objects&gt;</c>,
    /// <c>&lt;method 'append' of 'list' objects&gt;</c>, and bound to an instance as a slot
    /// wrapper, <c>&lt;method-wrapper '__eq__' of A object at 0x...&gt;</c>.
    /// </summary>
    /// <remarks>The method is a <c>wrapper_descriptor</c> for a slot wrapper, else a <c>method_descriptor</c>.</remarks>
    public PyRef NewMethod(string name, NativeCallable body, NativeCallKind kind, TypeDescriptor owner) =>
        NewBound(name, body, null, isMethod: true, kind, owner, kind == NativeCallKind.SlotWrapper ? NativeFunctionFlavor.WrapperDescriptor : NativeFunctionFlavor.MethodDescriptor);

    /// <summary>The built-in type whose method <paramref name="f"/> is (bound or not), or null for a plain function.</summary>
    public TypeDescriptor? Owner(PyObject* f) => _owners[(int)((PyNativeFunctionObject*)f)->Slot];

    /// <summary>The name of the module plain function <paramref name="f"/> belongs to (its <c>__module__</c>), or null (None).</summary>
    public string? Module(PyObject* f) => _modules[(int)((PyNativeFunctionObject*)f)->Slot];

    /// <summary>
    /// Names the module <paramref name="f"/> belongs to, as CPython's PyCFunction_NewEx records
    /// the module that defines a function, when <paramref name="f"/> is a plain function: a
    /// builtin_function_or_method bound to nothing, of no type, naming no module yet. Methods
    /// keep None, as CPython's do. Whether it was named.
    /// </summary>
    public bool TryNameModule(PyObject* f, string module)
    {
        var function = (PyNativeFunctionObject*)f;
        var slot = (int)function->Slot;
        if (f->Type != _functions.TypeObject || function->Self != null || function->IsMethod != 0 || _owners[slot] != null || _modules[slot] != null)
        {
            return false;
        }

        _modules[slot] = module;
        return true;
    }

    /// <summary>
    /// Whether the profile's CPython calls <paramref name="f"/> with its arguments where they
    /// are (METH_O, METH_NOARGS, 3.x's METH_FASTCALL) rather than in a new tuple (METH_VARARGS):
    /// the evaluator then lends it an uncounted tuple (<see cref="Tuple.ArgumentTuples"/>).
    /// </summary>
    public bool IsVectorCall(PyObject* f) => Kind(f) == NativeCallKind.Vector;

    /// <summary>How the profile's CPython calls <paramref name="f"/>.</summary>
    public NativeCallKind CallKind(PyObject* f) => Kind(f);

    /// <summary>Whether <paramref name="f"/> is a slot wrapper (<see cref="NativeCallKind.SlotWrapper"/>).</summary>
    public bool IsSlotWrapper(PyObject* f) => Kind(f) == NativeCallKind.SlotWrapper;

    private NativeCallKind Kind(PyObject* f) => _kinds[(int)((PyNativeFunctionObject*)f)->Slot];

    /// <summary>A new class method (<c>dict.fromkeys</c>, a <c>classmethod_descriptor</c>): found on a class or an instance, it binds to the class.</summary>
    public PyRef NewClassMethod(string name, NativeCallable body, TypeDescriptor owner)
    {
        var f = NewBound(name, body, null, isMethod: false, NativeCallKind.Tuple, owner, NativeFunctionFlavor.ClassMethodDescriptor);
        if (!f.IsNull)
        {
            ((PyNativeFunctionObject*)f.Ptr)->IsMethod = PyNativeFunctionObject.ClassMethod;
        }

        return f;
    }

    /// <summary>
    /// A new function bound to the type <paramref name="owner"/> itself (tp_new's wrapper,
    /// <c>&lt;built-in method __new__ of type object at 0x...&gt;</c>): read through a class or
    /// an instance it stays as it is.
    /// </summary>
    public PyRef NewTypeMethod(string name, NativeCallable body, TypeDescriptor owner) =>
        NewBound(name, body, (PyObject*)owner.TypeObject, isMethod: false, NativeCallKind.Tuple, null, NativeFunctionFlavor.Function);

    private PyRef NewBound(string name, NativeCallable body, PyObject* self, bool isMethod, NativeCallKind kind, TypeDescriptor? owner, NativeFunctionFlavor flavor = NativeFunctionFlavor.Function)
    {
        var nameObj = Heap.InternString(name);
        return nameObj.IsNull ? PyRef.Null : NewBound(nameObj.Ptr, body, self, isMethod, kind, owner, flavor);
    }

    /// <summary>
    /// <see cref="NewBound(string, NativeCallable, PyObject*, bool, NativeCallKind, TypeDescriptor?, NativeFunctionFlavor)"/> given the
    /// interned name itself (borrowed): binding a method read through an instance reuses its
    /// descriptor's name without a round trip through .NET text and the intern table. The
    /// object is of the <paramref name="flavor"/>'s type, whichever descriptor this is.
    /// </summary>
    private PyRef NewBound(PyObject* nameObj, NativeCallable body, PyObject* self, bool isMethod, NativeCallKind kind, TypeDescriptor? owner, NativeFunctionFlavor flavor = NativeFunctionFlavor.Function)
    {
        var type = flavor == NativeFunctionFlavor.Function ? _functions : _functions._descriptorTypes[(int)flavor - 1];
        var o = kind == NativeCallKind.SlotWrapper ? null : type._freeList?.TryPop();
        if (o != null)
        {
            // A recycled block was never uncounted (as in CPython); Dealloc cleared its fields.
            o->RefCount = 1;
        }
        else
        {
            o = Heap.AllocObject(type, type._block);
            if (o == null)
            {
                return PyRef.Null;
            }
        }

        var f = (PyNativeFunctionObject*)o;
        int slot;
        if (_freeSlots.Count > 0)
        {
            slot = _freeSlots.Pop();
            _table[slot] = body;
            _kinds[slot] = kind;
            _owners[slot] = owner;
            _modules[slot] = null;
        }
        else
        {
            slot = _table.Count;
            _table.Add(body);
            _kinds.Add(kind);
            _owners.Add(owner);
            _modules.Add(null);
        }

        f->Slot = slot;
        Heap.IncRef(nameObj);
        f->Name = nameObj;
        Heap.XIncRef(self);
        f->Self = self;
        f->IsMethod = isMethod ? 1 : 0;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>
    /// 2.7's PyObject_IsSubclass on a new-style class (every exception match, <c>issubclass</c>,
    /// <c>isinstance</c> past its exact-type test): it binds <c>type.__subclasscheck__</c> to
    /// the class and calls it with a 1-tuple, dropping both at once. Only the free lists see
    /// that: the two blocks come from them, or are new (counted) blocks the lists then keep. So
    /// the first such check of a program, or after a full collection, counts. Nothing in 3.12,
    /// which tests the subtype directly. The pending error, if any, is kept (CPython fetches it first).
    /// </summary>
    public void ModelSubclassCheck()
    {
        if (_freeList == null)
        {
            return;
        }

        var pending = Heap.SuspendError();
        ModelMethodCall(1);
        Heap.ResumeError(pending);
    }

    /// <summary>
    /// A bound built-in method 2.7 makes, calls with a new tuple of <paramref name="argCount"/>
    /// arguments (PyObject_CallFunctionObjArgs) and drops, where Refheap calls the C# code
    /// directly (<c>format(x)</c>'s <c>__format__</c>, PyObject_IsSubclass's checker): only the
    /// free lists see it (<see cref="ModelBoundMethod"/>). Nothing in 3.12. False with
    /// MemoryError set when the heap is full.
    /// </summary>
    public bool ModelMethodCall(int argCount)
    {
        if (_freeList == null)
        {
            return true;
        }

        if (!ModelBoundMethod())
        {
            return false;
        }

        if (argCount == 0)
        {
            return true;
        }

        var args = Heap.Types.Tuple.New(argCount);
        if (args.IsNull)
        {
            return false;
        }

        for (var i = 0; i < argCount; i++)
        {
            TupleType.Items(args.Ptr)[i] = Heap.None.Ptr;
        }

        args.DecRef();
        return true;
    }

    /// <summary>
    /// A bound built-in method 2.7 makes and drops at once (PyObject_IsSubclass's checker, a
    /// method descriptor called on its class): its block comes from the free list, or is a new
    /// (counted) block the list then keeps. Nothing in 3.12. False with MemoryError set when
    /// the heap is full.
    /// </summary>
    public bool ModelBoundMethod()
    {
        if (_freeList == null)
        {
            return true;
        }

        var size = _block;
        var method = _freeList.TryPop();
        if (method == null)
        {
            method = Heap.AllocObject(this, size);
            if (method == null)
            {
                return false;
            }
        }

        // Invariant: a listed block is a dead object (count 0) with every field cleared.
        method->RefCount = 0;
        if (!_freeList.TryPush(method))
        {
            Heap.FreeObject(method, this, size);
        }

        return true;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)_size;

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var f = (PyNativeFunctionObject*)self;
        var keep = _freeList != null && Kind(self) != NativeCallKind.SlotWrapper;
        Heap.Gc.Untrack(self);
        Heap.ClearWeakReferences(self);
        _table[(int)f->Slot] = null;
        _owners[(int)f->Slot] = null;
        _modules[(int)f->Slot] = null;
        _freeSlots.Push((int)f->Slot);
        Heap.ClearRef(ref f->Name);
        Heap.ClearRef(ref f->Self);
        if (keep && _freeList!.TryPush(self))
        {
            // Invariant: a listed block is a dead object (count 0) with every field cleared.
            f->Slot = 0;
            f->IsMethod = 0;
            return;
        }

        Heap.FreeObject(self, this, _block);
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var bound = ((PyNativeFunctionObject*)self)->Self;
        return bound != null ? visit(bound, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => Heap.ClearRef(ref ((PyNativeFunctionObject*)self)->Self);

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self) => true;

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs)
    {
        var f = (PyNativeFunctionObject*)self;
        var body = _table[(int)f->Slot]!;

        // Hold the function and its bound object for the call: the body may drop the last outside reference.
        Heap.IncRef(self);
        try
        {
            return Heap.InvokeNative(body, f->Self, args, kwargs);
        }
        finally
        {
            Heap.DecRef(self);
        }
    }

    /// <summary>Whether <paramref name="f"/> is a method not bound to anything (found on a class, it would bind to the instance).</summary>
    public static bool IsUnboundMethod(PyObject* f) =>
        ((PyNativeFunctionObject*)f)->IsMethod == 1 && ((PyNativeFunctionObject*)f)->Self == null;

    /// <summary>
    /// Calls an unbound method <paramref name="f"/> with <paramref name="self"/> as its instance,
    /// without making the bound method (as CPython calls a type's C slots): a new reference or null.
    /// </summary>
    public PyRef CallWithSelf(PyObject* f, PyObject* self, PyObject* args, PyObject* kwargs)
    {
        if (!Heap.EnterRecursiveCall(" while calling a Python object"))
        {
            return PyRef.Null;
        }

        Heap.IncRef(f);
        Heap.IncRef(self);
        try
        {
            return Heap.InvokeNative(_table[(int)((PyNativeFunctionObject*)f)->Slot]!, self, args, kwargs);
        }
        finally
        {
            Heap.DecRef(self);
            Heap.DecRef(f);
            Heap.LeaveRecursiveCall();
        }
    }

    /// <inheritdoc/>
    public override PyRef DescriptorGet(PyObject* self, PyObject* instance, PyTypeObject* owner)
    {
        var f = (PyNativeFunctionObject*)self;
        if (f->IsMethod == PyNativeFunctionObject.ClassMethod && f->Self == null && (owner != null || instance != null))
        {
            var cls = owner != null ? (PyObject*)owner : (PyObject*)instance->Type;
            return NewBound(StrType.AsString(f->Name), _table[(int)f->Slot]!, cls, isMethod: false, Kind(self), Owner(self));
        }

        if (instance == null || f->IsMethod == 0 || f->Self != null)
        {
            return new PyRef(self).NewRef();
        }

        // A slot wrapper binds as a method-wrapper, any other method as a builtin_function_or_method.
        var flavor = Kind(self) == NativeCallKind.SlotWrapper ? NativeFunctionFlavor.MethodWrapper : NativeFunctionFlavor.Function;
        return StrType.IsInterned(f->Name)
            ? NewBound(f->Name, _table[(int)f->Slot]!, instance, isMethod: false, Kind(self), Owner(self), flavor)
            : NewBound(StrType.AsString(f->Name), _table[(int)f->Slot]!, instance, isMethod: false, Kind(self), Owner(self), flavor);
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        // builtin_function_or_method's members: __name__, and __self__ (the bound object, or None).
        var f = (PyNativeFunctionObject*)self;
        if (StrType.EqualsText(name, "__name__"))
        {
            return new PyRef(f->Name).NewRef();
        }

        if (StrType.EqualsText(name, "__self__"))
        {
            return f->Self != null ? new PyRef(f->Self).NewRef() : Heap.None;
        }

        if (StrType.EqualsText(name, "__module__") && Flavor == NativeFunctionFlavor.Function)
        {
            // m_module: the defining module's name (an interned str, so reading it allocates
            // nothing, as CPython's returns the stored object), None for a method bound to an object.
            var module = Module(self);
            if (module == null)
            {
                return Heap.None;
            }

            var text = Heap.InternString(module);
            return text.IsNull ? text : text.NewRef();
        }

        if (StrType.EqualsText(name, "__objclass__") && Flavor is not NativeFunctionFlavor.Function && Owner(self) is { } objclass)
        {
            // A descriptor's (and a method-wrapper's) type.
            return new PyRef((PyObject*)objclass.TypeObject).NewRef();
        }

        if (StrType.EqualsText(name, "__qualname__") && Heap.Profile.Wording != ErrorWording.Cpython27)
        {
            // 3.x: a method's (bound or not) is its type's name and its own, a function's its name.
            var owner = Owner(self);
            return owner == null ? new PyRef(f->Name).NewRef() : Heap.NewString($"{owner.Name}.{StrType.AsString(f->Name)}");
        }

        return base.GetAttr(self, name);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var f = (PyNativeFunctionObject*)self;
        var name = StrType.AsString(f->Name);
        var owner = Owner(self);
        var slotWrapper = Kind(self) == NativeCallKind.SlotWrapper;
        if (f->Self == null && owner != null && f->IsMethod != 0)
        {
            return Heap.NewString(slotWrapper ? $"<slot wrapper '{name}' of '{owner.Name}' objects>" : $"<method '{name}' of '{owner.Name}' objects>");
        }

        if (f->Self == null)
        {
            return Heap.NewString($"<built-in function {name}>");
        }

        if (slotWrapper && owner != null)
        {
            return Heap.NewString($"<method-wrapper '{name}' of {Heap.TypeNameOf(f->Self)} object at 0x{(nint)f->Self:x}>");
        }

        return Heap.NewString($"<built-in method {name} of {Heap.TypeNameOf(f->Self)} object at 0x{(nint)f->Self:x}>");
    }
}
