using System.Runtime.InteropServices;
using Refheap.Objects.Native.Classic;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Method;

/// <summary>
/// <c>instancemethod</c> (2.7) / <c>method</c> (3.12): a function bound to an instance, made
/// each time a method is read through an instance (so <c>a.f is a.f</c> is false, and a
/// weak reference to <c>a.f</c> dies at once, as in CPython).
/// </summary>
internal sealed unsafe class MethodType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public MethodType(Heap heap)
        : base(heap, heap.Profile.IntPromotesToLong ? "instancemethod" : "method")
    {
    }

    /// <summary>2.7's bound-method free list (classobject.c's PyMethod_MAXFREELIST); 3.12 has none.</summary>
    private const int Py27FreeListCapacity = 256;

    private FreeList? _freeList;

    /// <inheritdoc/>
    public override bool IsGc => true;

    internal override void Initialize()
    {
        if (Heap.Profile.Name == Profile.Py27.Name)
        {
            _freeList = Heap.FreeLists.Add(new FreeList("instancemethod", Py27FreeListCapacity, block => Heap.FreeObject((PyObject*)block, this, (nuint)sizeof(PyMethodObject))));
        }
    }

    /// <summary>
    /// Puts freed blocks on the free list until it holds <paramref name="count"/> (what the
    /// interpreter's start-up leaves there); nothing when the profile keeps none.
    /// </summary>
    public void Prefill(int count)
    {
        while (_freeList != null && _freeList.Count < Math.Min(count, _freeList.Capacity))
        {
            var o = Heap.AllocObject(this, (nuint)sizeof(PyMethodObject), counted: false);
            if (o == null)
            {
                Heap.ClearError();
                return;
            }

            // A listed block is a dead object: count 0, as one freed onto the list.
            o->RefCount = 0;
            _freeList.TryPush(o);
        }
    }

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyMethodObject>(nameof(PyMethodObject.WeakList));

    /// <inheritdoc/>
    public override int WeakListOffset => s_weakListOffset;

    /// <summary>
    /// A new bound method of <paramref name="function"/> and <paramref name="self"/> (borrowed);
    /// with <paramref name="self"/> null, 2.7's unbound method of <paramref name="cls"/>.
    /// </summary>
    public PyRef New(PyObject* function, PyObject* self, PyObject* cls = null)
    {
        var o = _freeList?.TryPop();
        if (o != null)
        {
            // A recycled block was never uncounted (as in CPython); Dealloc cleared its fields.
            o->RefCount = 1;
        }
        else
        {
            o = Heap.AllocObject(this, (nuint)sizeof(PyMethodObject));
            if (o == null)
            {
                return PyRef.Null;
            }
        }

        var m = (PyMethodObject*)o;
        Heap.IncRef(function);
        m->Function = function;
        Heap.XIncRef(self);
        m->Self = self;
        Heap.XIncRef(cls);
        m->Class = cls;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>The bound function, borrowed.</summary>
    public static PyObject* FunctionOf(PyObject* method) => ((PyMethodObject*)method)->Function;

    /// <summary>The bound instance, borrowed.</summary>
    public static PyObject* SelfOf(PyObject* method) => ((PyMethodObject*)method)->Self;

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyMethodObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var m = (PyMethodObject*)self;
        Heap.Gc.Untrack(self);
        Heap.ClearWeakReferences(self);
        Heap.ClearRef(ref m->Function);
        Heap.ClearRef(ref m->Self);
        Heap.ClearRef(ref m->Class);
        if (_freeList == null || !_freeList.TryPush(self))
        {
            Heap.FreeObject(self, this, SizeOf(self));
        }
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var m = (PyMethodObject*)self;
        var r = m->Function != null ? visit(m->Function, arg) : 0;
        r = r != 0 ? r : m->Self != null ? visit(m->Self, arg) : 0;
        return r != 0 ? r : m->Class != null ? visit(m->Class, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self)
    {
        var m = (PyMethodObject*)self;
        Heap.ClearRef(ref m->Function);
        Heap.ClearRef(ref m->Self);
        Heap.ClearRef(ref m->Class);
    }

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self) => true;

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs)
    {
        var m = (PyMethodObject*)self;
        if (m->Self == null)
        {
            return CallUnbound(m, args, kwargs);
        }

        var n = TupleType.Size(args);
        var full = Heap.Types.Tuple.New(n + 1);
        if (full.IsNull)
        {
            return full;
        }

        var items = TupleType.Items(full.Ptr);
        Heap.IncRef(m->Self);
        items[0] = m->Self;
        for (nint i = 0; i < n; i++)
        {
            var item = TupleType.Item(args, i);
            Heap.IncRef(item);
            items[i + 1] = item;
        }

        var function = m->Function;
        Heap.IncRef(function);
        var result = Heap.Call(function, full.Ptr, kwargs);
        Heap.DecRef(function);
        full.DecRef();
        return result;
    }

    /// <summary>2.7's unbound method: the first argument must be an instance of the class.</summary>
    private PyRef CallUnbound(PyMethodObject* m, PyObject* args, PyObject* kwargs)
    {
        var first = TupleType.Size(args) > 0 ? TupleType.Item(args, 0) : null;
        if (first == null || (m->Class != null && !IsInstanceOf(first, m->Class)))
        {
            var got = first == null ? "nothing"
                : first->Type->Descriptor is ClassicInstanceType ? $"{ClassicInstanceType.ClassName(first)} instance"
                : $"{first->Type->Descriptor.Name} instance";
            var cls = m->Class != null ? ClassName(m->Class) : "?";
            var name = Heap.GetAttr(m->Function, "__name__");
            var text = !name.IsNull && Heap.IsInstance(name.Ptr, Heap.Types.Str) ? StrType.AsString(name.Ptr) : "?";
            name.XDecRef();
            Heap.ClearError();
            return Heap.RaiseTypeError($"unbound method {text}() must be called with {cls} instance as first argument (got {got} instead)");
        }

        var function = m->Function;
        Heap.IncRef(function);
        var result = Heap.Call(function, args, kwargs);
        Heap.DecRef(function);
        return result;
    }

    /// <summary>Whether <paramref name="o"/> is an instance of <paramref name="cls"/>, a type or a 2.7 classic class.</summary>
    private bool IsInstanceOf(PyObject* o, PyObject* cls) =>
        cls->Type->Descriptor is ClassicClassType
            ? o->Type->Descriptor is ClassicInstanceType && ClassicClassType.IsSubclass(ClassicInstanceType.ClassOf(o), cls)
            : Heap.IsSubtype(o->Type, (PyTypeObject*)cls);

    /// <summary>The name of <paramref name="cls"/>, a type or a 2.7 classic class.</summary>
    private static string ClassName(PyObject* cls) =>
        cls->Type->Descriptor is ClassicClassType ? ClassicClassType.NameOf(cls) : ((PyTypeObject*)cls)->Descriptor.Name;

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var m = (PyMethodObject*)self;
        var text = StrType.AsSpan(name);
        switch (text)
        {
            case "__func__" or "im_func":
                return new PyRef(m->Function).NewRef();
            case "__self__" or "im_self":
                return m->Self != null ? new PyRef(m->Self).NewRef() : Heap.None;
            case "im_class" when Heap.Profile.IntPromotesToLong:
                return new PyRef(m->Class != null ? m->Class : (PyObject*)m->Self->Type).NewRef();
        }

        // method_getattro looks on its class without raising, so the miss there makes nothing.
        var outer = Heap.BeginSuppressedLookup(self, name);
        PyRef attr;
        try
        {
            attr = base.GetAttr(self, name);
        }
        finally
        {
            Heap.EndSuppressedLookup(outer);
        }

        if (!attr.IsNull || !Heap.ErrorMatches(Heap.Types.Exceptions.AttributeError))
        {
            return attr;
        }

        // Other attributes come from the function (__name__, __doc__, its dict).
        Heap.ClearError();
        return Heap.GetAttr(m->Function, name);
    }

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if ((op != CompareOp.Eq && op != CompareOp.Ne) || other->Type != self->Type)
        {
            return Heap.NotImplemented;
        }

        var a = (PyMethodObject*)self;
        var b = (PyMethodObject*)other;
        var same = a->Function == b->Function && a->Self == b->Self;
        return Heap.NewBool(op == CompareOp.Eq ? same : !same);
    }

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        var m = (PyMethodObject*)self;
        var h = Heap.Hash(m->Function);
        if (h == -1)
        {
            return -1;
        }

        var r = h ^ (m->Self != null ? Heap.IdentityHash(m->Self) : 0);
        return r == -1 ? -2 : r;
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var m = (PyMethodObject*)self;
        var nameObj = Heap.GetAttr(m->Function, Heap.Profile.IntPromotesToLong ? "__name__" : "__qualname__");
        if (nameObj.IsNull)
        {
            return nameObj;
        }

        var name = Heap.IsInstance(nameObj.Ptr, Heap.Types.Str) ? StrType.AsString(nameObj.Ptr) : "?";
        nameObj.DecRef();
        if (m->Self == null)
        {
            var cls = m->Class != null ? ClassName(m->Class) : "?";
            return Heap.NewString($"<unbound method {cls}.{name}>");
        }

        if (Heap.Profile.IntPromotesToLong)
        {
            name = $"{(m->Class != null ? ClassName(m->Class) : m->Self->Type->Descriptor.Name)}.{name}";
        }

        var selfRepr = Heap.Repr(m->Self);
        if (selfRepr.IsNull)
        {
            return selfRepr;
        }

        var text = StrType.AsString(selfRepr.Ptr);
        selfRepr.DecRef();
        return Heap.NewString($"<bound method {name} of {text}>");
    }
}
