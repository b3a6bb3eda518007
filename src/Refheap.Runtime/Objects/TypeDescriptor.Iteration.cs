namespace Refheap.Objects;

/// <summary>
/// The iteration slots of a type (CPython's tp_iter, tp_iternext and sq_contains). The
/// protocol itself, with its checks, is <see cref="Heap.GetIter"/>, <see cref="Heap.IterNext"/>
/// and <see cref="Heap.Contains"/>: call those, not these.
/// </summary>
internal abstract unsafe partial class TypeDescriptor
{
    /// <summary>
    /// <c>iter(self)</c> (tp_iter): a new reference to an iterator, or null with the error set.
    /// Default: TypeError "'X' object is not iterable".
    /// </summary>
    public virtual PyRef Iter(PyObject* self) => Heap.RaiseTypeError($"'{Name}' object is not iterable");

    /// <summary>Whether the instance is an iterator (PyIter_Check: its type has tp_iternext).</summary>
    public virtual bool IsIterator(PyObject* self) => false;

    /// <summary>
    /// One step of an iterator (tp_iternext): the next item as a new reference, or null —
    /// without an error at the end, with the error set on failure. Default: TypeError as the
    /// built-in <c>next()</c> words it for an object that is not an iterator.
    /// </summary>
    public virtual PyRef IterNext(PyObject* self) =>
        Heap.RaiseTypeError(Heap.Profile.Wording == ErrorWording.Cpython27
            ? $"{Name} object is not an iterator"
            : $"'{Name}' object is not an iterator");

    /// <summary>
    /// <c>item in self</c> (sq_contains): 1, 0, or -1 with the error set. Default: compares
    /// the items of an iteration (_PySequence_IterSearch).
    /// </summary>
    public virtual int Contains(PyObject* self, PyObject* item) => Heap.ContainsByIteration(self, item);
}
