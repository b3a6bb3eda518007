using Refheap.Objects;
using Refheap.Objects.Native.Str;

namespace Refheap.Weak;

/// <summary>
/// <c>weakref.KeyedRef</c>: the weak reference a WeakValueDictionary keeps for each value, a
/// subclass of <c>ref</c> with one slot, <c>key</c>, so that one shared removal callback knows
/// which entry died (Lib/weakref.py builds it so that no function is made per key).
/// </summary>
/// <remarks>
/// Its layout starts with <see cref="PyWeakReference"/>, so the referent's weak-reference list
/// and its clearing (<see cref="WeakReferenceLists"/>) treat it as any weak reference with a
/// callback: it sits after the shared callback-less ref and proxy and is never shared itself.
/// Calling, hashing and repr are <c>ref</c>'s.
/// </remarks>
internal sealed unsafe class KeyedReferenceType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public KeyedReferenceType(Heap heap)
        : base(heap, "KeyedRef")
    {
    }

    /// <inheritdoc/>
    public override string QualifiedName => "weakref.KeyedRef";

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>Whether <paramref name="o"/> is a KeyedRef.</summary>
    public static bool IsKeyedReference(PyObject* o) => o->Type->Descriptor is KeyedReferenceType;

    /// <summary>The key of a KeyedRef, borrowed.</summary>
    public static PyObject* KeyOf(PyObject* self) => ((PyKeyedReference*)self)->Key;

    /// <summary>
    /// <c>KeyedRef(referent, callback, key)</c>: a new reference, or null with TypeError when the
    /// referent cannot be weakly referenced. <paramref name="callback"/> must not be null.
    /// </summary>
    public PyRef New(PyObject* referent, PyObject* callback, PyObject* key)
    {
        var offset = referent->Type->Descriptor.WeakListOffset;
        if (offset == 0)
        {
            return Heap.RaiseTypeError($"cannot create weak reference to '{Heap.TypeNameOf(referent)}' object");
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PyKeyedReference));
        if (o == null)
        {
            return PyRef.Null;
        }

        var kr = (PyKeyedReference*)o;
        kr->Base.Referent = referent;
        kr->Base.Hash = -1;
        Heap.IncRef(callback);
        kr->Base.Callback = callback;
        Heap.IncRef(key);
        kr->Key = key;

        // As ref.__new__ for a subtype: after the shared ref and proxy, before older callbacks.
        var list = (PyWeakReference**)((byte*)referent + offset);
        WeakReferenceLists.BasicReferences(*list, out var basicRef, out var basicProxy);
        WeakReferenceLists.InsertAfter(&kr->Base, basicProxy != null ? basicProxy : basicRef, list);
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyKeyedReference);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        WeakReferenceLists.Clear((PyWeakReference*)self, dropCallback: true);
        Heap.ClearRef(ref ((PyKeyedReference*)self)->Key);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var kr = (PyKeyedReference*)self;
        int r;
        if (kr->Base.Callback != null && (r = visit(kr->Base.Callback, arg)) != 0)
        {
            return r;
        }

        return kr->Key != null ? visit(kr->Key, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self)
    {
        // subtype_clear drops the slot, then ref's clear unlinks the reference and its callback.
        Heap.ClearRef(ref ((PyKeyedReference*)self)->Key);
        WeakReferenceLists.Clear((PyWeakReference*)self, dropCallback: true);
    }

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self) => true;

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs) => Heap.Types.WeakReference.Call(self, args, kwargs);

    /// <inheritdoc/>
    public override long Hash(PyObject* self) => Heap.Types.WeakReference.Hash(self);

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) => Heap.Types.WeakReference.Repr(self);

    /// <inheritdoc/>
    /// <remarks>As ref's: two live references compare their referents, otherwise identity; with any ref or KeyedRef.</remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        var otherIsRef = other->Type->Descriptor is KeyedReferenceType or WeakReferenceType { Kind: WeakReferenceKind.Reference };
        if ((op != CompareOp.Eq && op != CompareOp.Ne) || !otherIsRef)
        {
            return Heap.NotImplemented;
        }

        var a = WeakReferenceType.Referent(self);
        var b = WeakReferenceType.Referent(other);
        if (a == null || b == null)
        {
            var same = self == other;
            return Heap.NewBool(op == CompareOp.Eq ? same : !same);
        }

        return Heap.RichCompare(a, b, op);
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var kr = (PyKeyedReference*)self;
        if (StrType.EqualsText(name, "key") && kr->Key != null)
        {
            return new PyRef(kr->Key).NewRef();
        }

        if (StrType.EqualsText(name, "__callback__"))
        {
            return kr->Base.Callback != null ? new PyRef(kr->Base.Callback).NewRef() : Heap.None;
        }

        return Heap.GenericGetAttr(self, name);
    }
}
