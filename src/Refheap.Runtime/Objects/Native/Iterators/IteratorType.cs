namespace Refheap.Objects.Native.Iterators;

/// <summary>
/// What the built-in iterator types share: <c>iter(it)</c> is the iterator itself, it is an
/// iterator (it has tp_iternext), and it knows how many items it may still give
/// (<c>__length_hint__</c>).
/// </summary>
internal abstract unsafe class IteratorType : TypeDescriptor
{
    /// <summary>Creates the descriptor of an iterator type called <paramref name="name"/>.</summary>
    protected IteratorType(Heap heap, string name)
        : base(heap, name) => Behaviour = IterationBehaviour.For(heap.Profile);

    /// <summary>How the profile's iterators behave.</summary>
    protected IterationBehaviour Behaviour { get; }

    /// <inheritdoc/>
    public override bool IsIterator(PyObject* self) => true;

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => new PyRef(self).NewRef();

    /// <summary><c>it.__length_hint__()</c>: the items left, 0 once exhausted.</summary>
    public abstract nint LengthHint(PyObject* self);
}
