namespace Refheap.Objects.Native.Object;

/// <summary><c>object</c>: the root of every class; a bare instance is just the header.</summary>
internal sealed unsafe class ObjectType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public ObjectType(Heap heap)
        : base(heap, "object")
    {
    }

    /// <summary>A new bare <c>object()</c>.</summary>
    public PyRef New()
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyObject));
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self) => Heap.FreeObject(self, this, SizeOf(self));

    /// <inheritdoc/>
    public override nuint BaseInstanceSize => (nuint)sizeof(PyObject);

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) =>
        Tuple.TupleType.Size(args) > 0 || (kwargs != null && Heap.Types.Dict.Count(kwargs) > 0)
            ? Heap.RaiseTypeError(Heap.Profile.Wording == ErrorWording.Cpython27 ? "object() takes no parameters" : "object() takes no arguments")
            : New();
}
