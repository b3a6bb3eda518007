using Refheap.Memory;

namespace Refheap.Objects.Native.None;

/// <summary>A type with exactly one immortal instance (None, NotImplemented, Ellipsis).</summary>
internal abstract unsafe class SingletonType : TypeDescriptor
{
    private readonly string _repr;

    /// <summary>Creates the descriptor; <paramref name="repr"/> is the instance's repr.</summary>
    protected SingletonType(Heap heap, string name, string repr)
        : base(heap, name) => _repr = repr;

    /// <summary>The one instance.</summary>
    public PyObject* Singleton { get; private set; }

    /// <inheritdoc/>
    public override bool CountsInCensus => false;

    internal override void Initialize()
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyObject));
        if (o == null)
        {
            throw new OutOfMemoryException($"the heap limit is too small to hold {_repr}");
        }

        // Invariant: the singleton lives as long as the heap.
        o->RefCount = Heap.ImmortalRefCount;
        Singleton = o;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self) =>
        throw new MemoryCorruptionException($"deallocating {_repr}: its reference count was decremented below its owners");

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) => Heap.NewString(_repr);
}
