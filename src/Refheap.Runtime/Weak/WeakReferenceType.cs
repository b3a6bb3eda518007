using Refheap.Objects;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Weak;

/// <summary>
/// <c>weakref.ref</c>, <c>weakref.ProxyType</c> and <c>weakref.CallableProxyType</c>, as
/// Objects/weakrefobject.c builds them: a weak reference does not own its referent; it sits
/// in the referent's list of weak references and is cleared (and its callback run) when the
/// referent dies.
/// </summary>
/// <remarks>
/// The list of an object's weak references starts in the object's weak-list slot. CPython
/// keeps at its head the object's one callback-less <c>ref</c>, then its one callback-less
/// proxy (both shared by every caller that asks for one); references with callbacks follow,
/// newest first — so callbacks run most recently registered first.
/// </remarks>
internal sealed unsafe class WeakReferenceType : TypeDescriptor
{
    /// <summary>Creates the descriptor of one kind, named as the profile's CPython names it.</summary>
    public WeakReferenceType(Heap heap, WeakReferenceKind kind)
        : base(heap, NameOf(heap.Profile, kind))
    {
        Kind = kind;
        _block = heap.Profile.Layouts.BlockSize(heap.Profile.Layouts.WeakReferenceSize, sizeof(PyWeakReference));
    }

    // CPython's block size less the GC header: never fewer bytes than PyWeakReference.
    private readonly nuint _block;

    /// <summary>Which of the three types this is.</summary>
    public WeakReferenceKind Kind { get; }

    internal bool IsProxy => Kind != WeakReferenceKind.Reference;

    private static string NameOf(Profile profile, WeakReferenceKind kind) => (profile.Wording, kind) switch
    {
        (ErrorWording.Cpython27, WeakReferenceKind.Reference) => "weakref",
        (ErrorWording.Cpython27, WeakReferenceKind.Proxy) => "weakproxy",
        (ErrorWording.Cpython27, _) => "weakcallableproxy",
        (_, WeakReferenceKind.Reference) => "ReferenceType",
        (_, WeakReferenceKind.Proxy) => "ProxyType",
        _ => "CallableProxyType",
    };

    /// <inheritdoc/>
    public override string QualifiedName => Heap.Profile.Wording == ErrorWording.Cpython27 ? Name : "weakref." + Name;

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>Whether <paramref name="o"/> is a weak reference or proxy (a KeyedRef too: it is a ref subclass in CPython).</summary>
    public static bool IsWeakReference(PyObject* o) => o->Type->Descriptor is WeakReferenceType or KeyedReferenceType;

    /// <summary>The referent of a weak reference, borrowed, or null when it died.</summary>
    public static PyObject* Referent(PyObject* self)
    {
        var r = ((PyWeakReference*)self)->Referent;
        return r == null || r == self->Type->Descriptor.Heap.NoneObject ? null : r;
    }

    /// <summary>
    /// <c>weakref.ref(referent, callback)</c> or <c>weakref.proxy(...)</c> (this descriptor's
    /// kind; for proxies pick by <c>callable(referent)</c> before calling). A callback of null
    /// or None means none; then an existing callback-less reference of the same kind is
    /// returned instead of a new one, as CPython does. New reference, or null with TypeError
    /// for a referent that cannot be weakly referenced.
    /// </summary>
    public PyRef New(PyObject* referent, PyObject* callback)
    {
        var offset = referent->Type->Descriptor.WeakListOffset;
        if (offset == 0)
        {
            return Heap.RaiseTypeError($"cannot create weak reference to '{Heap.TypeNameOf(referent)}' object");
        }

        if (callback == Heap.NoneObject)
        {
            callback = null;
        }

        var list = (PyWeakReference**)((byte*)referent + offset);
        WeakReferenceLists.BasicReferences(*list, out var basicRef, out var basicProxy);
        if (callback == null)
        {
            var existing = IsProxy ? basicProxy : basicRef;
            if (existing != null)
            {
                return new PyRef((PyObject*)existing).NewRef();
            }
        }

        var o = Heap.AllocObject(this, _block);
        if (o == null)
        {
            return PyRef.Null;
        }

        var wr = (PyWeakReference*)o;
        wr->Referent = referent;
        wr->Hash = -1;
        Heap.XIncRef(callback);
        wr->Callback = callback;

        // The list may have changed while allocating (a collection can run): look again.
        WeakReferenceLists.BasicReferences(*list, out basicRef, out basicProxy);
        if (callback == null && !IsProxy)
        {
            WeakReferenceLists.InsertHead(wr, list);
        }
        else
        {
            var after = callback == null ? basicRef : basicProxy != null ? basicProxy : basicRef;
            WeakReferenceLists.InsertAfter(wr, after, list);
        }

        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)Heap.Profile.Layouts.WeakReferenceSize;

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        WeakReferenceLists.Clear((PyWeakReference*)self, dropCallback: true);
        Heap.FreeObject(self, this, _block);
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var callback = ((PyWeakReference*)self)->Callback;
        return callback != null ? visit(callback, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => WeakReferenceLists.Clear((PyWeakReference*)self, dropCallback: true);

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self) => Kind != WeakReferenceKind.Proxy;

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs)
    {
        if (Kind == WeakReferenceKind.Reference)
        {
            if (TupleType.Size(args) != 0 || (kwargs != null && Heap.Types.Dict.Count(kwargs) != 0))
            {
                return Heap.RaiseTypeError(Heap.Profile.Wording == ErrorWording.Cpython27
                    ? $"weakref() takes no arguments ({TupleType.Size(args)} given)"
                    : $"weakref() takes exactly 0 positional arguments ({TupleType.Size(args)} given)");
            }

            var referent = Referent(self);
            return referent == null ? Heap.None : new PyRef(referent).NewRef();
        }

        var target = LiveReferent(self);
        return target == null ? PyRef.Null : Heap.Call(target, args, kwargs);
    }

    /// <summary>A proxy's referent, borrowed, or null with ReferenceError set.</summary>
    internal PyObject* LiveReferent(PyObject* self)
    {
        var referent = Referent(self);
        if (referent == null)
        {
            Heap.Raise(Heap.Types.Exceptions.ReferenceError, "weakly-referenced object no longer exists");
        }

        return referent;
    }

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        if (IsProxy)
        {
            Heap.RaiseTypeError($"unhashable type: '{QualifiedName}'");
            return -1;
        }

        var wr = (PyWeakReference*)self;
        if (wr->Hash != -1)
        {
            return wr->Hash;
        }

        var referent = Referent(self);
        if (referent == null)
        {
            Heap.RaiseTypeError("weak object has gone away");
            return -1;
        }

        wr->Hash = Heap.Hash(referent);
        return wr->Hash;
    }

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (IsProxy)
        {
            var target = LiveReferent(self);
            if (target == null)
            {
                return PyRef.Null;
            }

            var right = other->Type->Descriptor is WeakReferenceType { Kind: not WeakReferenceKind.Reference } ? LiveReferent(other) : other;
            return right == null ? PyRef.Null : Heap.RichCompare(target, right, op);
        }

        if ((op != CompareOp.Eq && op != CompareOp.Ne) || other->Type->Descriptor is not WeakReferenceType { Kind: WeakReferenceKind.Reference })
        {
            return Heap.NotImplemented;
        }

        // Two live references compare their referents; otherwise they are equal only if identical.
        var a = Referent(self);
        var b = Referent(other);
        if (a == null || b == null)
        {
            var same = self == other;
            return Heap.NewBool(op == CompareOp.Eq ? same : !same);
        }

        return Heap.RichCompare(a, b, op);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var referent = Referent(self);
        if (IsProxy)
        {
            var shown = referent != null ? referent : Heap.NoneObject;
            return Heap.NewString($"<{ProxyReprName} at 0x{(nint)self:x} to {shown->Type->Descriptor.Name} at 0x{(nint)shown:x}>");
        }

        if (referent == null)
        {
            return Heap.NewString($"<weakref at 0x{(nint)self:x}; dead>");
        }

        var name = NameAttribute(referent);
        var suffix = name == null ? "" : $" ({name})";
        return Heap.NewString($"<weakref at 0x{(nint)self:x}; to '{referent->Type->Descriptor.Name}' at 0x{(nint)referent:x}{suffix}>");
    }

    private string ProxyReprName => Kind == WeakReferenceKind.Proxy ? "weakproxy" : "weakcallableproxy";

    /// <summary>The referent's <c>__name__</c> when it has a str one (classes, functions), else null; errors are swallowed as CPython's repr does.</summary>
    private string? NameAttribute(PyObject* referent)
    {
        var name = Heap.GetAttr(referent, "__name__");
        if (name.IsNull)
        {
            Heap.ClearError();
            return null;
        }

        var text = Heap.IsInstance(name.Ptr, Heap.Types.Str) ? StrType.AsString(name.Ptr) : null;
        name.DecRef();
        return text;
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        if (!IsProxy)
        {
            if (Heap.Profile.Wording != ErrorWording.Cpython27 && StrType.AsSpan(name).SequenceEqual("__callback__"))
            {
                // 3.x's read-only member: the callback, or None (also once the callback has run).
                var callback = ((PyWeakReference*)self)->Callback;
                return callback == null ? Heap.None : new PyRef(callback).NewRef();
            }

            return Heap.GenericGetAttr(self, name);
        }

        var target = LiveReferent(self);
        return target == null ? PyRef.Null : Heap.GetAttr(target, name);
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        if (!IsProxy)
        {
            if (Heap.Profile.Wording != ErrorWording.Cpython27 && StrType.AsSpan(name).SequenceEqual("__callback__"))
            {
                Heap.Raise(Heap.Types.Exceptions.AttributeError, "readonly attribute");
                return -1;
            }

            return Heap.GenericSetAttr(self, name, value);
        }

        var target = LiveReferent(self);
        return target == null ? -1 : Heap.SetAttr(target, name, value);
    }

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self)
    {
        if (!IsProxy)
        {
            return Repr(self);
        }

        var target = LiveReferent(self);
        return target == null ? PyRef.Null : Heap.Str(target);
    }

    /// <inheritdoc/>
    /// <remarks>proxy_iter: the referent's iterator.</remarks>
    public override PyRef Iter(PyObject* self)
    {
        if (!IsProxy)
        {
            return base.Iter(self);
        }

        var target = LiveReferent(self);
        return target == null ? PyRef.Null : Heap.GetIter(target);
    }

    /// <summary>
    /// The object a proxy stands for (borrowed), for the number protocol's UNWRAP: the
    /// referent of a live proxy, <paramref name="o"/> itself when it is no proxy, or null with
    /// ReferenceError set when the proxy is dead.
    /// </summary>
    public static PyObject* Unwrap(PyObject* o) =>
        o->Type->Descriptor is WeakReferenceType { IsProxy: true } proxies ? proxies.LiveReferent(o) : o;

    /// <summary>Whether <paramref name="o"/> is a weak proxy (callable or not).</summary>
    public static bool IsWeakProxy(PyObject* o) => o->Type->Descriptor is WeakReferenceType { IsProxy: true };

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (!IsProxy)
        {
            return base.Subscript(self, key);
        }

        var target = LiveReferent(self);
        return target == null ? PyRef.Null : Heap.GetItem(target, key);
    }

    /// <inheritdoc/>
    public override int SetItem(PyObject* self, PyObject* key, PyObject* value)
    {
        if (!IsProxy)
        {
            return base.SetItem(self, key, value);
        }

        var target = LiveReferent(self);
        return target == null ? -1 : Heap.SetItem(target, key, value);
    }

    /// <inheritdoc/>
    public override nint Length(PyObject* self)
    {
        if (!IsProxy)
        {
            return base.Length(self);
        }

        var target = LiveReferent(self);
        return target == null ? -1 : Heap.Length(target);
    }

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self)
    {
        if (!IsProxy)
        {
            return 1;
        }

        var target = LiveReferent(self);
        return target == null ? -1 : Heap.IsTrue(target);
    }

    /// <inheritdoc/>
    /// <remarks><c>weakref.ref(obj[, callback])</c> called as the type, as CPython's weakref type is.</remarks>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        var n = Objects.Native.Tuple.TupleType.Size(args);
        var py27 = Heap.Profile.Wording == ErrorWording.Cpython27;
        if (Kind != WeakReferenceKind.Reference)
        {
            return Heap.RaiseTypeError($"cannot create '{QualifiedName}' instances");
        }

        if (kwargs != null && Heap.Types.Dict.Count(kwargs) > 0)
        {
            return Heap.RaiseTypeError(py27 ? "ref() does not take keyword arguments" : "ref() takes no keyword arguments");
        }

        if (n < 1 || n > 2)
        {
            // PyArg_UnpackTuple's words (2.7's always "arguments").
            return Heap.RaiseTypeError(n < 1
                ? $"__new__ expected at least 1 argument{(py27 ? "s" : "")}, got {n}"
                : $"__new__ expected at most 2 arguments, got {n}");
        }

        return New(Objects.Native.Tuple.TupleType.Item(args, 0), n == 2 ? Objects.Native.Tuple.TupleType.Item(args, 1) : null);
    }
}
