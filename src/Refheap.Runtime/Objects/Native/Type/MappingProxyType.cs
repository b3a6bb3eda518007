using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Type;

/// <summary>
/// A class's <c>__dict__</c> as CPython hands it out: a read-only view of the type's dict,
/// made anew at each access (3.12 <c>mappingproxy</c>, repr <c>mappingproxy({...})</c>; 2.7
/// <c>dictproxy</c>, repr <c>dict_proxy({...})</c>). Tracked, since it holds the dict. Reading
/// goes to the dict; assignment and deletion raise TypeError, so a class's attributes change
/// only through <c>setattr</c>, which keeps the type's caches true.
/// </summary>
internal sealed unsafe class MappingProxyType : TypeDescriptor
{
    private readonly bool _py27;

    /// <summary>Creates the descriptor; its name is the profile's.</summary>
    public MappingProxyType(Heap heap)
        : base(heap, heap.Profile.Wording == ErrorWording.Cpython27 ? "dictproxy" : "mappingproxy") =>
        _py27 = heap.Profile.Wording == ErrorWording.Cpython27;

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>A new proxy of <paramref name="mapping"/> (borrowed): a new reference, or null with MemoryError set.</summary>
    public PyRef New(PyObject* mapping)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyMappingProxyObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        Heap.IncRef(mapping);
        ((PyMappingProxyObject*)o)->Mapping = mapping;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>The mapping behind a proxy, borrowed.</summary>
    public static PyObject* MappingOf(PyObject* proxy) => ((PyMappingProxyObject*)proxy)->Mapping;

    /// <summary>The methods: the mapping's read-only ones, forwarded (2.7 adds has_key and the iter* trio).</summary>
    public IEnumerable<BuiltinMethod> Methods()
    {
        string[] names = _py27
            ? ["get", "keys", "values", "items", "copy", "has_key", "iterkeys", "itervalues", "iteritems"]
            : ["get", "keys", "values", "items", "copy"];
        // As CPython's: get takes one or two arguments, 2.7's has_key one (METH_O), the rest none
        // (METH_NOARGS); each forwards to the mapping's own method.
        return names.Select(name => new BuiltinMethod(
            name,
            name == "get" ? ArgumentSpec.Expect(1, 2) : name == "has_key" ? ArgumentSpec.One : ArgumentSpec.NoArgs,
            (heap, self, a) => Forward(heap, self, name, a)));
    }

    private static PyRef Forward(Heap heap, PyObject* self, string name, MethodArgs a)
    {
        var method = heap.GetAttr(MappingOf(self), name);
        if (method.IsNull)
        {
            return method;
        }

        // 2.7's proxy_get calls the mapping's get with a new tuple of the key and the default
        // (PyObject_CallMethod's "(OO)"); the others pass their arguments on.
        var args = heap.Profile.IntPromotesToLong && name == "get"
            ? heap.NewTuple(new PyRef(a[0]), new PyRef(a[1] != null ? a[1] : heap.NoneObject))
            : new PyRef(a.Tuple).NewRef();
        var r = args.IsNull ? args : heap.Call(method.Ptr, args.Ptr, null);
        args.XDecRef();
        method.DecRef();
        return r;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyMappingProxyObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Heap.ClearRef(ref ((PyMappingProxyObject*)self)->Mapping);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) =>
        visit(MappingOf(self), arg);

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var inner = Heap.Repr(MappingOf(self));
        if (inner.IsNull)
        {
            return inner;
        }

        var text = StrType.AsString(inner.Ptr);
        inner.DecRef();
        return Heap.NewString(_py27 ? $"dict_proxy({text})" : $"mappingproxy({text})");
    }

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self) => Heap.Str(MappingOf(self));

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op) =>
        Heap.RichCompare(MappingOf(self), other, op);

    /// <inheritdoc/>
    /// <remarks>2.7's dictproxy has no hash; 3.12's mappingproxy hashes its mapping (a dict: TypeError).</remarks>
    public override long Hash(PyObject* self)
    {
        if (!_py27)
        {
            return Heap.Hash(MappingOf(self));
        }

        Heap.RaiseTypeError("unhashable type: 'dictproxy'");
        return -1;
    }

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key) => Heap.GetItem(MappingOf(self), key);

    /// <inheritdoc/>
    public override int SetItem(PyObject* self, PyObject* key, PyObject* value)
    {
        Heap.RaiseTypeError($"'{Name}' object does not support item {(value == null ? "deletion" : "assignment")}");
        return -1;
    }

    /// <inheritdoc/>
    public override nint Length(PyObject* self) => Heap.Length(MappingOf(self));

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => Length(self) switch
    {
        < 0 => -1,
        0 => 0,
        _ => 1,
    };

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => Heap.GetIter(MappingOf(self));

    /// <inheritdoc/>
    public override int Contains(PyObject* self, PyObject* item) => Heap.Contains(MappingOf(self), item);
}
