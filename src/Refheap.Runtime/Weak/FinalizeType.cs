using Refheap.Objects;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Weak;

/// <summary>
/// <c>weakref.finalize</c> (3.4+): <c>finalize(obj, func, *args, **kwargs)</c> calls
/// <c>func(*args, **kwargs)</c> once — when obj dies (by reference counting or in a
/// collection), when the finalizer is called, or at shutdown — unless detached first.
/// </summary>
/// <remarks>
/// <para>
/// As Lib/weakref.py: a live finalizer is kept by the class-level registry (here, this
/// descriptor's <see cref="_registry"/>, one per heap), so the program need not keep it; its
/// weak reference to obj has the finalizer itself as callback. Calling or detaching takes it
/// out of the registry and drops func and its arguments; after that calls return None.
/// </para>
/// <para>
/// Shutdown (<see cref="RunAtExit"/>, CPython's <c>finalize._exitfunc</c> registered with
/// atexit): the live finalizers whose <c>atexit</c> is true run newest first, with the
/// collector disabled; finalizers made meanwhile are picked up; afterwards no finalizer runs
/// any more (<c>_shutdown</c>). 2.7 has no <c>weakref.finalize</c>: making one raises the
/// AttributeError that <c>weakref.finalize</c> raises there.
/// </para>
/// </remarks>
internal sealed unsafe class FinalizeType : TypeDescriptor
{
    /// <summary>Live finalizers by index of creation, each owning a reference (CPython's <c>finalize._registry</c>).</summary>
    private readonly SortedDictionary<long, nint> _registry = [];
    private readonly WeakModuleBehaviour _behaviour;
    private readonly MethodSignature _callSignature = new("finalize", "__call__", ["_"], 0);
    private long _nextIndex;
    private bool _dirty;
    private bool _shutdown;
    private bool _methodsInstalled;

    /// <summary>Creates the descriptor.</summary>
    public FinalizeType(Heap heap)
        : base(heap, "finalize") => _behaviour = WeakModuleBehaviour.For(heap.Profile);

    /// <inheritdoc/>
    public override string QualifiedName => "weakref.finalize";

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>Finalizers alive (registered) now.</summary>
    public int LiveCount => _registry.Count;

    /// <summary>
    /// <c>finalize(obj, func, *args, **kwargs)</c> with <paramref name="args"/> a tuple and
    /// <paramref name="kwargs"/> a dict or null (all borrowed): a new reference, or null with
    /// TypeError when obj cannot be weakly referenced (AttributeError on 2.7).
    /// </summary>
    public PyRef New(PyObject* obj, PyObject* func, PyObject* args, PyObject* kwargs)
    {
        if (!_behaviour.HasFinalize)
        {
            return Heap.Raise(Heap.Types.Exceptions.AttributeError, "'module' object has no attribute 'finalize'");
        }

        if (!EnsureMethods())
        {
            return PyRef.Null;
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PyFinalizeObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        // info.weakref = ref(obj, self): the finalizer is the weak reference's callback.
        var wr = Heap.NewWeakReference(obj, o);
        if (wr.IsNull)
        {
            Heap.DecRef(o);
            return PyRef.Null;
        }

        var f = (PyFinalizeObject*)o;
        f->WeakRef = wr.Ptr;
        Heap.IncRef(func);
        f->Func = func;
        Heap.IncRef(args);
        f->Args = args;
        if (kwargs != null && Heap.Types.Dict.Count(kwargs) > 0)
        {
            Heap.IncRef(kwargs);
            f->Kwargs = kwargs;
        }

        f->Index = _nextIndex++;
        f->Flags = (long)(FinalizeFlags.Registered | FinalizeFlags.AtExit);
        Heap.IncRef(o);
        _registry[f->Index] = (nint)o;
        _dirty = true;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    private bool EnsureMethods()
    {
        if (!_methodsInstalled)
        {
            _methodsInstalled = TypeDictMethods.Install(this,
            [
                ("__call__", (heap, self, args, kwargs) => Call(self, args, kwargs)),
                ("detach", (heap, self, args, kwargs) => NoArguments(self, args, kwargs, "detach") ? Detach(self, pop: true) : PyRef.Null),
                ("peek", (heap, self, args, kwargs) => NoArguments(self, args, kwargs, "peek") ? Detach(self, pop: false) : PyRef.Null),
            ]);
        }

        return _methodsInstalled;
    }

    private bool NoArguments(PyObject* self, PyObject* args, PyObject* kwargs, string name) =>
        self != null && MethodSignature.NoArguments("finalize", name).TryBind(Heap, args, kwargs, out _);

    private static bool IsRegistered(PyFinalizeObject* f) => (f->Flags & (long)FinalizeFlags.Registered) != 0;

    /// <summary>
    /// <c>self._registry.pop(self, None)</c>: takes the finalizer out of the registry and its
    /// entry out of the object (owned references to the caller; all null when it was not alive).
    /// </summary>
    private (PyRef WeakRef, PyRef Func, PyRef Args, PyRef Kwargs) Unregister(PyObject* self)
    {
        var f = (PyFinalizeObject*)self;
        if (!IsRegistered(f))
        {
            return default;
        }

        f->Flags &= ~(long)FinalizeFlags.Registered;
        _registry.Remove(f->Index);
        var entry = (new PyRef(f->WeakRef), new PyRef(f->Func), new PyRef(f->Args), new PyRef(f->Kwargs));
        f->WeakRef = null;
        f->Func = null;
        f->Args = null;
        f->Kwargs = null;

        // The registry's reference: the caller holds another one.
        Heap.DecRef(self);
        return entry;
    }

    private static void Release((PyRef WeakRef, PyRef Func, PyRef Args, PyRef Kwargs) entry)
    {
        entry.WeakRef.XDecRef();
        entry.Func.XDecRef();
        entry.Args.XDecRef();
        entry.Kwargs.XDecRef();
    }

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self) => true;

    /// <inheritdoc/>
    /// <remarks><c>__call__(self, _=None)</c>: if alive, unregisters and returns <c>func(*args, **kwargs)</c> (not after shutdown); otherwise None.</remarks>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs)
    {
        if (self == null || !_callSignature.TryBind(Heap, args, kwargs, out _))
        {
            return PyRef.Null;
        }

        Heap.IncRef(self);
        var entry = Unregister(self);
        PyRef result;
        if (!entry.Func.IsNull && !_shutdown)
        {
            result = Heap.Call(entry.Func.Ptr, entry.Args.Ptr, entry.Kwargs.Ptr);
        }
        else
        {
            result = Heap.None;
        }

        Release(entry);
        Heap.DecRef(self);
        return result;
    }

    /// <summary>
    /// <c>detach()</c> (<paramref name="pop"/>) or <c>peek()</c>: if alive and obj still lives,
    /// <c>(obj, func, args, kwargs)</c> — detach also unregisters — else None.
    /// </summary>
    private PyRef Detach(PyObject* self, bool pop)
    {
        var f = (PyFinalizeObject*)self;
        var obj = IsRegistered(f) ? WeakReferenceType.Referent(f->WeakRef) : null;
        if (obj == null)
        {
            return Heap.None;
        }

        var kwargs = f->Kwargs != null ? new PyRef(f->Kwargs).NewRef() : Heap.NewDict();
        if (kwargs.IsNull)
        {
            return kwargs;
        }

        var result = Heap.NewTuple(new PyRef(obj), new PyRef(f->Func), new PyRef(f->Args), kwargs);
        kwargs.DecRef();
        if (pop && !result.IsNull)
        {
            Heap.IncRef(self);
            Release(Unregister(self));
            Heap.DecRef(self);
        }

        return result;
    }

    /// <summary>
    /// At shutdown (<c>finalize._exitfunc</c>): calls the live finalizers whose <c>atexit</c>
    /// is true, newest first, with the collector disabled, picking up finalizers made
    /// meanwhile; an exception is printed and the next one runs. Afterwards finalizers no
    /// longer call their function. The error indicator is preserved.
    /// </summary>
    public void RunAtExit()
    {
        if (!_behaviour.HasFinalize || _shutdown)
        {
            return;
        }

        var saved = Heap.FetchError();
        var reenableGc = false;
        List<nint>? pending = null;
        try
        {
            if (_registry.Count > 0)
            {
                reenableGc = Heap.Gc.Enabled;
                Heap.Gc.Enabled = false;
                while (true)
                {
                    if (pending == null || _dirty)
                    {
                        ReleaseAll(pending);
                        pending = SelectForExit();
                        _dirty = false;
                    }

                    if (pending.Count == 0)
                    {
                        break;
                    }

                    var f = (PyObject*)pending[^1];
                    pending.RemoveAt(pending.Count - 1);
                    var result = Call(f, Heap.Types.Tuple.Empty, null);
                    if (result.IsNull)
                    {
                        PrintException();
                    }
                    else
                    {
                        result.DecRef();
                    }

                    Heap.DecRef(f);
                }
            }
        }
        finally
        {
            ReleaseAll(pending);
            _shutdown = true;
            if (reenableGc)
            {
                Heap.Gc.Enabled = true;
            }

            Heap.RestoreError(saved);
        }
    }

    /// <summary><c>_select_for_exit</c>: the live finalizers marked for exit, oldest first (new references).</summary>
    private List<nint> SelectForExit()
    {
        var selected = new List<nint>();
        foreach (var o in _registry.Values)
        {
            if ((((PyFinalizeObject*)o)->Flags & (long)FinalizeFlags.AtExit) != 0)
            {
                Heap.IncRef((PyObject*)o);
                selected.Add(o);
            }
        }

        return selected;
    }

    private static void ReleaseAll(List<nint>? objects)
    {
        if (objects == null)
        {
            return;
        }

        foreach (var o in objects)
        {
            Heap.DecRef((PyObject*)o);
        }

        objects.Clear();
    }

    /// <summary><c>sys.excepthook(*sys.exc_info())</c>: the exception's last traceback line, on the heap's stderr.</summary>
    private void PrintException()
    {
        var (typeName, message, exception) = Heap.TakeError();
        exception.DecRef();
        Heap.UnraisableWriter.WriteLine("Traceback (most recent call last):");
        Heap.UnraisableWriter.WriteLine(message.Length == 0 ? typeName : $"{typeName}: {message}");
    }

    /// <inheritdoc/>
    /// <remarks>The properties <c>alive</c> and <c>atexit</c>; the rest as object's.</remarks>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var f = (PyFinalizeObject*)self;
        if (StrType.EqualsText(name, "alive"))
        {
            return Heap.NewBool(IsRegistered(f));
        }

        if (StrType.EqualsText(name, "atexit"))
        {
            return Heap.NewBool(IsRegistered(f) && (f->Flags & (long)FinalizeFlags.AtExit) != 0);
        }

        return Heap.GenericGetAttr(self, name);
    }

    /// <inheritdoc/>
    /// <remarks><c>atexit</c> can be set (on a live finalizer, to <c>bool(value)</c>); <c>alive</c> is read-only; there is no instance dict.</remarks>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        var f = (PyFinalizeObject*)self;
        var isAlive = StrType.EqualsText(name, "alive");
        if (isAlive || StrType.EqualsText(name, "atexit"))
        {
            if (isAlive || value == null)
            {
                Heap.Raise(Heap.Types.Exceptions.AttributeError, $"property '{StrType.AsString(name)}' of 'finalize' object has no {(value == null ? "deleter" : "setter")}");
                return -1;
            }

            var truth = Heap.IsTrue(value);
            if (truth < 0)
            {
                return -1;
            }

            if (IsRegistered(f))
            {
                f->Flags = truth == 1 ? f->Flags | (long)FinalizeFlags.AtExit : f->Flags & ~(long)FinalizeFlags.AtExit;
            }

            return 0;
        }

        return Heap.GenericSetAttr(self, name, value);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var f = (PyFinalizeObject*)self;
        var obj = IsRegistered(f) ? WeakReferenceType.Referent(f->WeakRef) : null;
        return Heap.NewString(obj == null
            ? $"<finalize object at 0x{(nint)self:x}; dead>"
            : $"<finalize object at 0x{(nint)self:x}; for '{obj->Type->Descriptor.Name}' at 0x{(nint)obj:x}>");
    }

    /// <inheritdoc/>
    /// <remarks><c>finalize(obj, func, /, *args, **kwargs)</c>.</remarks>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        if (!_behaviour.HasFinalize)
        {
            return Heap.Raise(Heap.Types.Exceptions.AttributeError, "'module' object has no attribute 'finalize'");
        }

        var n = TupleType.Size(args);
        if (n < 2)
        {
            List<string> missing = n == 0 ? ["obj", "func"] : ["func"];
            return Heap.RaiseTypeError($"finalize.__init__() missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {MethodSignature.JoinNames(missing)}");
        }

        var rest = Heap.Types.Tuple.New(n - 2);
        if (rest.IsNull)
        {
            return rest;
        }

        for (nint i = 2; i < n; i++)
        {
            var item = TupleType.Item(args, i);
            Heap.IncRef(item);
            TupleType.Items(rest.Ptr)[i - 2] = item;
        }

        var copy = kwargs == null || Heap.Types.Dict.Count(kwargs) == 0 ? PyRef.Null : Heap.Types.Dict.Copy(kwargs);
        var result = kwargs != null && Heap.Types.Dict.Count(kwargs) > 0 && copy.IsNull
            ? PyRef.Null
            : New(TupleType.Item(args, 0), TupleType.Item(args, 1), rest.Ptr, copy.Ptr);
        copy.XDecRef();
        rest.DecRef();
        return result;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyFinalizeObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Clear(self);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var f = (PyFinalizeObject*)self;
        int r;
        if (f->WeakRef != null && (r = visit(f->WeakRef, arg)) != 0)
        {
            return r;
        }

        if (f->Func != null && (r = visit(f->Func, arg)) != 0)
        {
            return r;
        }

        if (f->Args != null && (r = visit(f->Args, arg)) != 0)
        {
            return r;
        }

        return f->Kwargs != null ? visit(f->Kwargs, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self)
    {
        var f = (PyFinalizeObject*)self;
        Heap.ClearRef(ref f->WeakRef);
        Heap.ClearRef(ref f->Func);
        Heap.ClearRef(ref f->Args);
        Heap.ClearRef(ref f->Kwargs);
    }
}
